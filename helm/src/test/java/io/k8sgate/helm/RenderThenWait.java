package io.k8sgate.helm;

import java.util.List;

/** A program that renders a chart, says so, then waits to be stopped by a signal (see {@link SignalHandlersTest}). */
final class RenderThenWait {
    private RenderThenWait() {
    }

    public static void main(final String[] args) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        int objects = Charts.render("helm/web", List.of(), List.of()).templates().size();
        System.out.println("rendered " + objects);
        System.out.flush();
        Thread.sleep(300_000);
        System.out.println("never stopped");
    }
}
