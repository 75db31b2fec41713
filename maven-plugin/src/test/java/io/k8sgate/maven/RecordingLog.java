package io.k8sgate.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Keeps what a goal logs, with its level, so tests can read it. */
final class RecordingLog implements Log {
    private final List<String> lines = new ArrayList<>();

    List<String> lines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }

    String text() {
        return String.join("\n", lines);
    }

    private void add(final String level, final CharSequence content) {
        lines.add(level + " " + content);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public void debug(final CharSequence content) {
        add("DEBUG", content);
    }

    @Override
    public void debug(final CharSequence content, final Throwable error) {
        add("DEBUG", content + " " + error);
    }

    @Override
    public void debug(final Throwable error) {
        add("DEBUG", error.toString());
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public void info(final CharSequence content) {
        add("INFO", content);
    }

    @Override
    public void info(final CharSequence content, final Throwable error) {
        add("INFO", content + " " + error);
    }

    @Override
    public void info(final Throwable error) {
        add("INFO", error.toString());
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public void warn(final CharSequence content) {
        add("WARN", content);
    }

    @Override
    public void warn(final CharSequence content, final Throwable error) {
        add("WARN", content + " " + error);
    }

    @Override
    public void warn(final Throwable error) {
        add("WARN", error.toString());
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public void error(final CharSequence content) {
        add("ERROR", content);
    }

    @Override
    public void error(final CharSequence content, final Throwable error) {
        add("ERROR", content + " " + error);
    }

    @Override
    public void error(final Throwable error) {
        add("ERROR", error.toString());
    }
}
