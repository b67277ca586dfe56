package io.pushgateway.storage;

import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Go's error texts for consistency violations. Only called on the rare path where a push is
 * rejected or an inconsistent state is scraped, so it may scan the families concerned.
 */
final class Problems {
  /** Go lists every error; a push of 100,000 bad series should not produce a 10 MB answer. */
  private static final int MAX_ERRORS = 10;

  private Problems() {}

  /** The violations involving the given names, else (pre-existing ones) all violations. */
  static String describeFor(StoreState state, Collection<String> names) {
    StoreStateView view = StoreStateView.of(state);
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      MergedFamily f = state.family(name);
      if (f != null && f.problems() > 0) {
        familyErrors(f, errors);
      }
    }
    errors.addAll(SuffixCollisions.messages(view, names));
    return errors.isEmpty() ? describeAll(state) : render(errors);
  }

  /** Every violation in the state. */
  static String describeAll(StoreState state) {
    List<String> errors = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (MergedFamily f : state.families()) {
      names.add(f.name());
      if (f.problems() > 0) {
        familyErrors(f, errors);
      }
    }
    errors.addAll(SuffixCollisions.messages(StoreStateView.of(state), names));
    // Each pair is found from both of its names.
    List<String> unique = errors.stream().distinct().toList();
    return unique.isEmpty() ? "no consistency problems" : render(unique);
  }

  private static void familyErrors(MergedFamily f, List<String> errors) {
    if (f.helpClashesWithOwn()) {
      String ownHelp = f.help();
      errors.add(
          "gathered metric family "
              + f.name()
              + " has help "
              + GoQuote.quote(f.pushedHelp())
              + " but should have "
              + GoQuote.quote(ownHelp == null ? "" : ownHelp));
      return;
    }
    if (f.isOwn() && f.pushedType() != f.effectiveType()) {
      errors.add(
          "gathered metric family "
              + f.name()
              + " has type "
              + f.pushedType()
              + " but should have "
              + f.effectiveType());
      return;
    }
    MetricType type = f.effectiveType();
    SeriesEntry previous = null;
    for (SeriesEntry e : f.entries()) {
      if (errors.size() > MAX_ERRORS) {
        return;
      }
      Metric m = e.metric();
      String head = "collected metric " + GoQuote.quote(f.name()) + " { " + GoText.metric(m) + "}";
      String labelProblem = MetricChecks.labelProblem(m);
      if (!m.hasValueFor(type)) {
        errors.add(head + " is not a " + type);
      } else if (labelProblem != null) {
        errors.add(head + " " + labelProblem);
      } else if (previous != null && previous.sameLabels(e)) {
        errors.add(head + " was collected before with the same name and label values");
      }
      previous = e;
    }
  }

  /** One error as is; several as Go's multi-error text. */
  static String render(List<String> errors) {
    if (errors.size() == 1) {
      return errors.get(0);
    }
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(errors.size(), MAX_ERRORS);
    sb.append(errors.size() > MAX_ERRORS ? "more than " + MAX_ERRORS : errors.size());
    sb.append(" error(s) occurred:");
    for (int i = 0; i < shown; i++) {
      sb.append("\n* ").append(errors.get(i));
    }
    return sb.toString();
  }
}
