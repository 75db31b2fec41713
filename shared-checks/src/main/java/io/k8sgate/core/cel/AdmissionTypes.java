package io.k8sgate.core.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The typed variables: {@code request} is an admission request, so that {@code request.namex} fails to compile as
 * it does in the API server, and {@code variables} has one field per variable of the policy, typed by its
 * expression. The objects themselves are dynamic, as in a ValidatingAdmissionPolicy.
 */
final class AdmissionTypes implements CelTypeProvider {
    static final StructType KIND = struct("kubernetes.GroupVersionKind", Map.of("group", SimpleType.STRING,
            "version", SimpleType.STRING, "kind", SimpleType.STRING));
    static final StructType RESOURCE = struct("kubernetes.GroupVersionResource", Map.of("group", SimpleType.STRING,
            "version", SimpleType.STRING, "resource", SimpleType.STRING));
    static final StructType USER = struct("kubernetes.UserInfo", Map.of("username", SimpleType.STRING, "uid",
            SimpleType.STRING, "groups", ListType.create(SimpleType.STRING), "extra",
            MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING))));
    static final StructType REQUEST = struct("kubernetes.AdmissionRequest", requestFields());

    private final ImmutableList<CelType> types;

    private AdmissionTypes(final List<CelType> types) {
        this.types = ImmutableList.copyOf(types);
    }

    /** The request types, and a {@code variables} type with the given fields when there are variables. */
    static AdmissionTypes with(final Map<String, CelType> variables) {
        List<CelType> all = new ArrayList<>(List.of(KIND, RESOURCE, USER, REQUEST));
        all.add(variables(variables));
        return new AdmissionTypes(all);
    }

    /** The type of {@code variables} with the given fields. */
    static StructType variables(final Map<String, CelType> fields) {
        return struct("kubernetes.Variables", fields);
    }

    private static Map<String, CelType> requestFields() {
        Map<String, CelType> f = new LinkedHashMap<>();
        f.put("kind", KIND);
        f.put("resource", RESOURCE);
        f.put("subResource", SimpleType.STRING);
        f.put("requestKind", KIND);
        f.put("requestResource", RESOURCE);
        f.put("requestSubResource", SimpleType.STRING);
        f.put("name", SimpleType.STRING);
        f.put("namespace", SimpleType.STRING);
        f.put("operation", SimpleType.STRING);
        f.put("userInfo", USER);
        f.put("dryRun", SimpleType.BOOL);
        f.put("options", SimpleType.DYN);
        return f;
    }

    private static StructType struct(final String name, final Map<String, CelType> fields) {
        ImmutableMap<String, CelType> copy = ImmutableMap.copyOf(fields);
        return StructType.create(name, copy.keySet(), f -> Optional.ofNullable(copy.get(f)));
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return types;
    }

    @Override
    public Optional<CelType> findType(final String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
