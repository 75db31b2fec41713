package io.k8sgate.core.input.trivy;

import io.k8sgate.core.input.ImageRef;
import io.k8sgate.core.model.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One OpenVEX statement: the status of a vulnerability in some products.
 *
 * @param vulnerabilities the vulnerability's name and aliases
 * @param products        the products ({@code @id} or {@code identifiers.purl}): package URLs, {@code pkg:oci} image
 *                        URLs or image references
 * @param subcomponents   package URLs inside the products the statement is scoped to; empty for the products themselves
 * @param status          {@code not_affected}, {@code affected}, {@code fixed} or {@code under_investigation}
 * @param justification   the justification label, empty when none
 * @param impact          the impact statement, empty when none
 * @param author          the document's author
 * @param origin          where the statement is written
 */
public record VexStatement(List<String> vulnerabilities, List<String> products, List<String> subcomponents,
        String status, String justification, String impact, String author, Location origin) {
    public VexStatement {
        vulnerabilities = List.copyOf(vulnerabilities);
        products = List.copyOf(products);
        subcomponents = List.copyOf(subcomponents);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(origin, "origin");
    }

    /** True for the statuses that remove a vulnerability (as in Trivy): not_affected and fixed. */
    public boolean suppresses() {
        return "not_affected".equals(status) || "fixed".equals(status);
    }

    /**
     * True when the statement is about this vulnerability of this package in this image. A package matches when a
     * subcomponent names it (the product may be the image or a module containing it) or, without subcomponents, when
     * a product names the package or the whole image.
     */
    public boolean covers(final String vulnerabilityId, final String packagePurl, final Optional<ImageRef> image) {
        if (!vulnerabilities.contains(vulnerabilityId)) {
            return false;
        }
        Optional<Purl> pkg = Purl.parse(packagePurl);
        if (!subcomponents.isEmpty()) {
            boolean inScope = products.stream().anyMatch(p -> isImage(p, image) || isPackageProduct(p));
            return inScope && pkg.isPresent() && subcomponents.stream().flatMap(s -> Purl.parse(s).stream())
                    .anyMatch(s -> s.matches(pkg.get()));
        }
        for (String product : products) {
            if (isImage(product, image)) {
                return true;
            }
            Optional<Purl> p = Purl.parse(product);
            if (p.isPresent() && pkg.isPresent() && !"oci".equals(p.get().type()) && p.get().matches(pkg.get())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPackageProduct(final String product) {
        return Purl.parse(product).map(p -> !"oci".equals(p.type())).orElse(false);
    }

    /** An image product: {@code pkg:oci/name@digest?repository_url=...&tag=...}, or a plain image reference. */
    static boolean isImage(final String product, final Optional<ImageRef> image) {
        if (image.isEmpty()) {
            return false;
        }
        ImageRef img = image.get();
        Optional<Purl> purl = Purl.parse(product);
        if (purl.isPresent()) {
            Purl p = purl.get();
            if (!"oci".equals(p.type())) {
                return false;
            }
            String repo = p.qualifiers().getOrDefault("repository_url", "");
            boolean name = repo.isEmpty() ? img.repository().endsWith("/" + p.name()) || img.repository()
                    .equals(p.name()) : ImageRef.parse(repo).map(r -> r.name().equals(img.name())).orElse(false);
            boolean version = p.version().isEmpty() || p.version().equalsIgnoreCase(img.digest());
            String tag = p.qualifiers().getOrDefault("tag", "");
            return name && version && (tag.isEmpty() || tag.equals(img.tag()) || (img.isPinned()
                    && !p.version().isEmpty()));
        }
        return ImageRef.parse(product).map(r -> r.name().equals(img.name())
                && (r.isPinned() ? r.digest().equals(img.digest()) : r.tag().equals(img.tag())
                        || ("latest".equals(r.tag()) && !product.contains(":")))).orElse(false);
    }
}
