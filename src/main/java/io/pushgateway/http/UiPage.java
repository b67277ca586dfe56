package io.pushgateway.http;

/**
 * The HTML of {@code GET P/} and {@code GET P/status}: a small shell that loads the UI's script and
 * style from {@code static/}; the script fetches the data through {@code status?view=...}. The page
 * carries the link prefix (the external URL's path, or {@code .}) and whether the admin API is on
 * as data attributes, so no inline script is needed.
 */
final class UiPage {
  private static final String HELP_URL =
      "https://github.com/prometheus/pushgateway/blob/master/README.md";

  private UiPage() {}

  static String render(String prefix, boolean adminApi, StaticHandler assets) {
    String p = UiHandler.escape(prefix);
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Prometheus Pushgateway</title>
        <link rel="icon" type="image/svg+xml" href="%1$s/static/favicon.svg?v=%2$s">
        <link rel="stylesheet" href="%1$s/static/pushgateway.css?v=%3$s">
        <script src="%1$s/static/pushgateway.js?v=%4$s" defer></script>
        </head>
        <body data-prefix="%1$s" data-admin="%5$s">
        <header class="topbar">
          <span class="brand"><img src="%1$s/static/favicon.svg?v=%2$s" alt=""> Pushgateway</span>
          <nav>
            <a href="#groups" id="tab-groups" class="tab active">Groups</a>
            <a href="#status" id="tab-status" class="tab">Status</a>
            <a href="%6$s" target="_blank" rel="noopener noreferrer" class="tab">Help</a>
          </nav>
          <span id="figures" class="figures"></span>
        </header>
        <main>
        <section id="groups-view">
          <div class="toolbar">
            <input id="filter" type="search" placeholder="Filter by label or metric name, e.g. job=batch   ( / )" autocomplete="off" spellcheck="false" aria-label="Filter">
            <label>Sort <select id="sort">
              <option value="key">by grouping key</option>
              <option value="oldest">oldest push first</option>
              <option value="newest">newest push first</option>
              <option value="series">most series first</option>
            </select></label>
            <label>Stale after <select id="stale">
              <option value="0">never</option>
              <option value="300">5 minutes</option>
              <option value="900">15 minutes</option>
              <option value="3600">1 hour</option>
              <option value="21600">6 hours</option>
              <option value="86400">1 day</option>
              <option value="604800">7 days</option>
            </select></label>
            <label class="check"><input type="checkbox" id="problems"> only failed or stale</label>
            <button type="button" id="refresh" title="Reload the list">Refresh</button>
            <span class="spacer"></span>
            <button type="button" id="delete-all" class="danger" hidden>Delete all <span id="delete-all-count">0</span> groups</button>
          </div>
          <div id="summary" class="summary" aria-live="polite">Loading…</div>
          <div class="list-head" aria-hidden="true"><span></span><span>Grouping labels</span><span class="lh-time">Last push</span><span class="lh-time">Last failed push</span><span class="lh-count">Series</span><span></span></div>
  <div id="groups" class="groups"></div>
          <div id="more" class="more"><button type="button" id="load-more" hidden>Load more</button></div>
        </section>
        <section id="status-view" hidden></section>
        </main>
        <dialog id="confirm">
          <form method="dialog">
            <h2 id="confirm-title">Delete</h2>
            <p id="confirm-text"></p>
            <p class="hint">Equivalent command:</p>
            <pre id="confirm-curl" class="curl"></pre>
            <p id="confirm-error" class="error" hidden></p>
            <div class="actions">
              <button type="button" id="confirm-cancel">Cancel</button>
              <button type="button" id="confirm-ok" class="danger">Delete</button>
            </div>
          </form>
        </dialog>
        <noscript><p class="noscript">This page needs JavaScript. The pushed groups are also available as JSON at <a href="%1$s/api/v1/metrics">api/v1/metrics</a>.</p></noscript>
        </body>
        </html>
        """
        .formatted(
            p,
            assets.version("favicon.svg"),
            assets.version("pushgateway.css"),
            assets.version("pushgateway.js"),
            adminApi,
            HELP_URL);
  }
}
