package io.k8sgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The rules every HTML report must follow to render under Jenkins' Content-Security-Policy and to stay usable
 * without script, checked on the document as a browser would parse it.
 */
final class HtmlStructure {
    private HtmlStructure() {
    }

    /** Parses the page and asserts every rule; returns the document for further assertions. */
    static Document assertValid(final String html) {
        Document doc = Jsoup.parse(html);
        assertNoActiveContent(doc);
        assertIdsUniqueAndLinksResolve(doc);
        assertTablesAccessible(doc);
        assertHeadingsInOrder(doc);
        return doc;
    }

    /** Parses a fragment and asserts every rule, plus the prefix of its ids. */
    static Document assertValidFragment(final String fragment) {
        Document doc = Jsoup.parseBodyFragment(fragment);
        assertNoActiveContent(doc);
        assertIdsUniqueAndLinksResolve(doc);
        assertTablesAccessible(doc);
        assertThat(doc.body().children()).singleElement().satisfies(e -> assertThat(e.hasClass("k8sgate")).isTrue());
        assertThat(doc.select("[id]").eachAttr("id")).allMatch(id -> id.startsWith("k8sgate-"),
                "ids start with k8sgate- so they cannot clash with the embedding page");
        return doc;
    }

    static void assertNoActiveContent(final Document doc) {
        assertThat(doc.select("script, style, iframe, object, embed, frame, frameset, form, input, textarea, "
                + "button, svg, math, img, base, meta[http-equiv=refresh]"))
                .as("active or injected elements").isEmpty();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s>", e.tagName()).doesNotStartWith("on").isNotEqualTo("style")
                        .isNotEqualTo("srcdoc").isNotEqualTo("formaction");
                if (name.equals("href") || name.equals("src")) {
                    String value = a.getValue().trim().toLowerCase(Locale.ROOT);
                    assertThat(value.startsWith("#") || value.startsWith("https://") || value.startsWith("http://")
                            || value.equals(ReportFiles.STYLESHEET)).as("link target %s", a.getValue()).isTrue();
                }
            }
        }
        assertThat(doc.select("link")).allSatisfy(l -> assertThat(l.attr("href")).isEqualTo(ReportFiles.STYLESHEET));
    }

    static void assertIdsUniqueAndLinksResolve(final Document doc) {
        List<String> ids = doc.select("[id]").eachAttr("id");
        assertThat(ids).as("ids").doesNotHaveDuplicates();
        Set<String> known = new HashSet<>(ids);
        for (Element a : doc.select("a[href^=#]")) {
            assertThat(known).as("target of link '%s'", a.text()).contains(a.attr("href").substring(1));
        }
    }

    static void assertTablesAccessible(final Document doc) {
        assertThat(doc.select("th")).allSatisfy(th -> assertThat(th.attr("scope")).isIn("col", "row"));
        assertThat(doc.select("table")).allSatisfy(t -> assertThat(t.select("thead th")).isNotEmpty());
    }

    static void assertHeadingsInOrder(final Document doc) {
        assertThat(doc.select("h1")).hasSize(1);
        int previous = 0;
        for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            assertThat(level).as("heading '%s' skips a level", h.text()).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(doc.select("main")).hasSize(1);
        assertThat(doc.select("nav[aria-label]")).isNotEmpty();
        assertThat(doc.select("section")).allSatisfy(s -> assertThat(s.attr("aria-labelledby")).isNotEmpty());
    }
}
