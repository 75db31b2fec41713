package io.k8sgate.core.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;

/**
 * The Kubernetes authorizer library, declared so that policies using it compile as they do in the cluster. Before
 * deploy there is no authorizer to ask (the decision depends on who sends the request and on the cluster's RBAC),
 * so {@code check()} is an evaluation error, which the policy's failurePolicy then handles like any other: never a
 * silent allow or deny.
 */
final class AuthorizerLibrary {
    static final CelType AUTHORIZER = OpaqueType.create("kubernetes.authorization.Authorizer");
    static final CelType PATH_CHECK = OpaqueType.create("kubernetes.authorization.PathCheck");
    static final CelType GROUP_CHECK = OpaqueType.create("kubernetes.authorization.GroupCheck");
    static final CelType RESOURCE_CHECK = OpaqueType.create("kubernetes.authorization.ResourceCheck");
    static final CelType DECISION = OpaqueType.create("kubernetes.authorization.Decision");

    /** The value of the {@code authorizer} variable. */
    static final Principal AUTHORIZER_VALUE = new Principal("the requesting user");
    /** The value of the {@code authorizer.requestResource} variable. */
    static final ResourceCheck REQUEST_RESOURCE = new ResourceCheck(AUTHORIZER_VALUE, "the request's resource");

    private AuthorizerLibrary() {
    }

    /** Who is asked about: the requesting user or a service account. */
    record Principal(String who) {
    }

    /** A check of a non-resource path. */
    record PathCheck(Principal principal, String path) {
    }

    /** A check of an API group, before the resource is named. */
    record GroupCheck(Principal principal, String group) {
    }

    /** A check of a resource. */
    record ResourceCheck(Principal principal, String what) {
    }

    /** A decision (never produced: checking is not possible before deploy). */
    record Decision(boolean allowed) {
    }

    static Library create() {
        return new Library()
                .member("path", "k8s_authorizer_path", PATH_CHECK, List.of(AUTHORIZER, SimpleType.STRING),
                        List.of(Principal.class, String.class),
                        args -> new PathCheck((Principal) args[0], (String) args[1]))
                .member("group", "k8s_authorizer_group", GROUP_CHECK, List.of(AUTHORIZER, SimpleType.STRING),
                        List.of(Principal.class, String.class),
                        args -> new GroupCheck((Principal) args[0], (String) args[1]))
                .member("serviceAccount", "k8s_authorizer_service_account", AUTHORIZER, List.of(AUTHORIZER,
                        SimpleType.STRING, SimpleType.STRING), List.of(Principal.class, String.class, String.class),
                        args -> new Principal("service account " + args[1] + "/" + args[2]))
                .member("resource", "k8s_group_check_resource", RESOURCE_CHECK, List.of(GROUP_CHECK,
                        SimpleType.STRING), List.of(GroupCheck.class, String.class), args -> new ResourceCheck(
                        ((GroupCheck) args[0]).principal(), args[1] + " in group '" + ((GroupCheck) args[0]).group()
                        + "'"))
                .member("subresource", "k8s_resource_check_subresource", RESOURCE_CHECK, List.of(RESOURCE_CHECK,
                        SimpleType.STRING), List.of(ResourceCheck.class, String.class), args -> args[0])
                .member("namespace", "k8s_resource_check_namespace", RESOURCE_CHECK, List.of(RESOURCE_CHECK,
                        SimpleType.STRING), List.of(ResourceCheck.class, String.class), args -> args[0])
                .member("name", "k8s_resource_check_name", RESOURCE_CHECK, List.of(RESOURCE_CHECK,
                        SimpleType.STRING), List.of(ResourceCheck.class, String.class), args -> args[0])
                .member("check", "k8s_resource_check_check", DECISION, List.of(RESOURCE_CHECK, SimpleType.STRING),
                        List.of(ResourceCheck.class, String.class), args -> {
                        ResourceCheck c = (ResourceCheck) args[0];
                        throw unavailable("whether " + c.principal().who() + " may " + args[1] + " " + c.what());
                    })
                .member("check", "k8s_path_check_check", DECISION, List.of(PATH_CHECK, SimpleType.STRING),
                        List.of(PathCheck.class, String.class), args -> {
                        PathCheck c = (PathCheck) args[0];
                        throw unavailable("whether " + c.principal().who() + " may " + args[1] + " " + c.path());
                    })
                .member("allowed", "k8s_decision_allowed", SimpleType.BOOL, List.of(DECISION),
                        List.of(Decision.class), args -> ((Decision) args[0]).allowed())
                .member("errored", "k8s_decision_errored", SimpleType.BOOL, List.of(DECISION),
                        List.of(Decision.class), args -> false)
                .member("error", "k8s_decision_error", SimpleType.STRING, List.of(DECISION), List.of(Decision.class),
                        args -> "")
                .member("reason", "k8s_decision_reason", SimpleType.STRING, List.of(DECISION),
                        List.of(Decision.class), args -> "");
    }

    private static CelEvaluationException unavailable(final String question) {
        return new CelEvaluationException("authorizer checks are not evaluated before deploy: " + question
                + " depends on the cluster's authorizer and on who sends the request");
    }
}
