package io.pushgateway.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.IntConsumer;

/**
 * Runs a hook with the status just before the answer is sent, so that what the hook records (own
 * metrics) is visible to a client as soon as it has its answer, as with Go's buffered responses.
 */
final class AnswerHookExchange extends ForwardingExchange {
  private final IntConsumer beforeAnswer;
  private boolean answered;

  AnswerHookExchange(Exchange delegate, IntConsumer beforeAnswer) {
    super(delegate);
    this.beforeAnswer = beforeAnswer;
  }

  /** Whether an answer was sent (or at least begun) through this exchange. */
  boolean answered() {
    return answered;
  }

  private void hook(int status) {
    answered = true;
    beforeAnswer.accept(status);
  }

  @Override
  public void respond(int status, byte[] body) throws IOException {
    hook(status);
    super.respond(status, body);
  }

  @Override
  public void respond(int status, ByteSource body) throws IOException {
    hook(status);
    super.respond(status, body);
  }

  @Override
  public OutputStream respondStreaming(int status) throws IOException {
    hook(status);
    return super.respondStreaming(status);
  }
}
