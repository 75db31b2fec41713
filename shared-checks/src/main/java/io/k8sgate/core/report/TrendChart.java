package io.k8sgate.core.report;

import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.GateStatus;
import java.util.List;
import java.util.Locale;

/**
 * The trend of a job as a static SVG image: one stacked bar of counted findings per run (oldest on the left), coloured
 * by severity, with the run's decision as a marker under its bar. The image has no script and no style attribute, so
 * it renders under a Content-Security-Policy of {@code default-src 'none'}; labels are escaped.
 */
public final class TrendChart {
    /** The number of runs drawn at most; older ones are dropped. */
    public static final int MAX_POINTS = 50;

    private static final int WIDTH = 600;
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int RIGHT = 10;
    private static final int TOP = 30;
    private static final int PLOT_HEIGHT = 170;
    private static final int GRID_LINES = 4;

    private TrendChart() {
    }

    /** The chart for runs ordered oldest first. */
    public static String svg(final List<TrendPoint> runs) {
        List<TrendPoint> points = runs.size() > MAX_POINTS ? runs.subList(runs.size() - MAX_POINTS, runs.size()) : runs;
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n")
                .append("<title>K8s Security Gate trend: counted findings per build</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        legend(s);
        if (points.isEmpty()) {
            s.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#555555\">")
                    .append("No completed build has a gate result yet</text>\n");
            return s.append("</svg>\n").toString();
        }
        int max = niceMax(points.stream().mapToInt(TrendPoint::total).max().orElse(0));
        grid(s, max);
        double slot = (double) (WIDTH - LEFT - RIGHT) / points.size();
        double barWidth = Math.max(2, slot * 0.7);
        int labelEvery = (int) Math.ceil(points.size() / 20.0);
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double y = TOP + PLOT_HEIGHT;
            s.append("<g class=\"run\"><title>").append(Text.html(p.label())).append(": ").append(p.status())
                    .append(", ").append(p.total()).append(" counted finding(s)</title>\n");
            for (Severity sev : Severity.values()) {
                int n = p.counted().getOrDefault(sev, 0);
                if (n > 0) {
                    double h = (double) n * PLOT_HEIGHT / max;
                    y -= h;
                    s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                            .append(fmt(barWidth)).append("\" height=\"").append(fmt(h)).append("\" fill=\"")
                            .append(color(sev)).append("\"/>\n");
                }
            }
            s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 4)
                    .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"6\" fill=\"")
                    .append(color(p.status())).append("\"/>\n");
            if (i % labelEvery == 0) {
                s.append("<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"").append(TOP + PLOT_HEIGHT + 24)
                        .append("\" text-anchor=\"middle\" fill=\"#333333\">").append(Text.html(p.label()))
                        .append("</text>\n");
            }
            s.append("</g>\n");
        }
        return s.append("</svg>\n").toString();
    }

    private static void legend(final StringBuilder s) {
        int x = LEFT;
        for (Severity sev : Severity.values()) {
            s.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"10\" height=\"10\" fill=\"").append(color(sev))
                    .append("\"/><text x=\"").append(x + 14).append("\" y=\"17\" fill=\"#333333\">")
                    .append(sev.name().charAt(0)).append(sev.name().substring(1).toLowerCase(Locale.ROOT))
                    .append("</text>\n");
            x += 80;
        }
    }

    private static void grid(final StringBuilder s, final int max) {
        for (int i = 0; i <= GRID_LINES; i++) {
            int value = max * i / GRID_LINES;
            int y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / GRID_LINES;
            s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y2=\"").append(y).append("\" stroke=\"#dddddd\"/><text x=\"").append(LEFT - 4)
                    .append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" fill=\"#555555\">").append(value)
                    .append("</text>\n");
        }
    }

    /** The axis maximum: at least 4, rounded up to a multiple of the grid so that grid labels are whole numbers. */
    static int niceMax(final int largest) {
        int max = Math.max(GRID_LINES, largest);
        return (max + GRID_LINES - 1) / GRID_LINES * GRID_LINES;
    }

    static String color(final Severity severity) {
        return switch (severity) {
            case CRITICAL -> "#7b1fa2";
            case HIGH -> "#c62828";
            case MEDIUM -> "#ef6c00";
            case LOW -> "#f9a825";
            case INFO -> "#90a4ae";
        };
    }

    static String color(final GateStatus status) {
        return switch (status) {
            case PASS -> "#2e7d32";
            case WARN -> "#fbc02d";
            case FAIL -> "#b71c1c";
        };
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
