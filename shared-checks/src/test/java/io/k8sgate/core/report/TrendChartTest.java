package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.GateStatus;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class TrendChartTest {
    @Test
    void shouldDrawTheNewestRunsOfAHistoryOldestFirstAndReadNoMoreOfItThanItDraws() {
        AtomicInteger read = new AtomicInteger();
        Stream<TrendPoint> newestFirst = IntStream.iterate(1000, n -> n - 1).mapToObj(
                n -> new TrendPoint("#" + n, GateStatus.PASS, Map.of())).peek(p -> read.incrementAndGet());

        List<TrendPoint> points = TrendChart.latest(newestFirst);

        assertThat(points).hasSize(TrendChart.MAX_POINTS);
        assertThat(points.get(0).label()).isEqualTo("#" + (1000 - TrendChart.MAX_POINTS + 1));
        assertThat(points.get(TrendChart.MAX_POINTS - 1).label()).isEqualTo("#1000");
        assertThat(read).hasValue(TrendChart.MAX_POINTS);
        assertThat(TrendChart.latest(Stream.of(new TrendPoint("#2", GateStatus.FAIL, Map.of()),
                new TrendPoint("#1", GateStatus.PASS, Map.of())))).extracting(TrendPoint::label)
                .containsExactly("#1", "#2");
    }

    @Test
    void shouldReadARunAsTheCiServerKeptItBySeverityName() {
        TrendPoint point = TrendPoint.of("#7", "WARN", Map.of("CRITICAL", 0, "HIGH", 2, "LOW", 1, "SEVERE", 9));

        assertThat(point.status()).isEqualTo(GateStatus.WARN);
        assertThat(point.counted()).containsEntry(Severity.HIGH, 2).containsEntry(Severity.LOW, 1)
                .containsEntry(Severity.MEDIUM, 0);
        assertThat(point.total()).isEqualTo(3);
    }

    @Test
    void shouldSayNoDataWhenNoRuns() throws Exception {
        String svg = TrendChart.svg(List.of());

        assertThat(parse(svg).getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("No completed build has a gate result yet");
    }

    @Test
    void shouldDrawOneStatusMarkerAndOneSegmentPerSeverityForEachRun() throws Exception {
        String svg = TrendChart.svg(List.of(
                new TrendPoint("#1", GateStatus.FAIL, Map.of(Severity.CRITICAL, 2, Severity.MEDIUM, 1)),
                new TrendPoint("#2", GateStatus.WARN, Map.of(Severity.MEDIUM, 1)),
                new TrendPoint("#3", GateStatus.PASS, Map.of())));

        parse(svg);
        assertThat(svg).contains(">#1</text>", ">#2</text>", ">#3</text>");
        assertThat(count(svg, "fill=\"" + TrendChart.color(GateStatus.FAIL) + "\"")).isEqualTo(1);
        assertThat(count(svg, "fill=\"" + TrendChart.color(GateStatus.PASS) + "\"")).isEqualTo(1);
        assertThat(count(svg, "fill=\"" + TrendChart.color(Severity.CRITICAL) + "\"")).isEqualTo(1 + 1);
        assertThat(count(svg, "fill=\"" + TrendChart.color(Severity.MEDIUM) + "\"")).isEqualTo(1 + 2);
        assertThat(svg).contains("<title>#1: FAIL, 3 counted finding(s)</title>");
    }

    @Test
    void shouldScaleTheTallestBarToThePlotHeight() {
        String svg = TrendChart.svg(List.of(new TrendPoint("#1", GateStatus.FAIL, Map.of(Severity.HIGH, 8))));

        assertThat(svg).contains("height=\"170.0\" fill=\"" + TrendChart.color(Severity.HIGH) + "\"");
    }

    @Test
    void shouldEscapeLabels() throws Exception {
        String svg = TrendChart.svg(List.of(new TrendPoint("<script>alert(1)</script>&", GateStatus.PASS, Map.of())));

        parse(svg);
        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;");
    }

    @Test
    void shouldKeepOnlyTheNewestRunsWhenThereAreTooMany() {
        List<TrendPoint> runs = new ArrayList<>();
        for (int i = 1; i <= TrendChart.MAX_POINTS + 10; i++) {
            runs.add(new TrendPoint("b" + i, GateStatus.PASS, Map.of()));
        }

        String svg = TrendChart.svg(runs);

        assertThat(svg).doesNotContain("<title>b10: ").contains("<title>b11: ", "<title>b60: ");
    }

    @Test
    void shouldHaveNoScriptNorStyleAttribute() {
        String svg = TrendChart.svg(List.of(new TrendPoint("#1", GateStatus.WARN, Map.of(Severity.LOW, 3))));

        assertThat(svg).doesNotContain("<script", "style=", "javascript:", "onload", "href");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"0, 4", "3, 4", "4, 4", "5, 8", "17, 20"})
    void shouldRoundTheAxisToWholeGridSteps(final int largest, final int expected) {
        assertThat(TrendChart.niceMax(largest)).isEqualTo(expected);
    }

    @Test
    void shouldCountMissingSeveritiesAsZero() {
        TrendPoint point = new TrendPoint("#1", GateStatus.PASS, Map.of(Severity.INFO, 2));

        assertThat(point.counted()).containsEntry(Severity.CRITICAL, 0).containsEntry(Severity.INFO, 2);
        assertThat(point.total()).isEqualTo(2);
    }

    private static Document parse(final String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static int count(final String text, final String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
