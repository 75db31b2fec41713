package io.k8sgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a Helm chart shaped like the charts teams keep: helpers in {@code _helpers.tpl}, one template file per
 * service (a ServiceAccount, a Deployment and a Service, written with {@code include}, {@code toYaml}, {@code range},
 * {@code with} and {@code if}) and a pre-install hook Job.
 */
final class ChartGenerator {
    private ChartGenerator() {
    }

    /** Writes the chart into {@code dir} with {@code services} services and returns {@code dir}. */
    static Path generate(final Path dir, final int services) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("Chart.yaml"), """
                apiVersion: v2
                name: shop
                version: 1.0.0
                appVersion: "2.4.1"
                """);
        StringBuilder values = new StringBuilder("""
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities:
                    drop: [ALL]
                resources:
                  limits: {cpu: 500m, memory: 256Mi}
                  requests: {cpu: 100m, memory: 128Mi}
                nodeSelector:
                  pool: apps
                services:
                """);
        for (int i = 0; i < services; i++) {
            values.append(String.format(Locale.ROOT, """
                      svc%d:
                        image: registry.example.com/shop/svc%d:1.%d.0
                        port: %d
                        env: {LOG_LEVEL: info, REGION: eu-west-1, FEATURE_%d: "on"}
                    """, i, i, i, 8000 + i, i));
        }
        Files.writeString(dir.resolve("values.yaml"), values);
        Files.writeString(dir.resolve("templates/_helpers.tpl"), """
                {{- define "shop.labels" -}}
                app.kubernetes.io/name: {{ .name }}
                app.kubernetes.io/instance: {{ .root.Release.Name }}
                app.kubernetes.io/managed-by: {{ .root.Release.Service }}
                helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
                {{- end }}
                """);
        for (int i = 0; i < services; i++) {
            Files.writeString(dir.resolve("templates/svc" + i + ".yaml"), service("svc" + i));
        }
        Files.writeString(dir.resolve("templates/migrate-job.yaml"), """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: {{ .Release.Name }}-migrate
                  annotations:
                    "helm.sh/hook": pre-install
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate
                          image: registry.example.com/shop/migrate:1.0
                """);
        return dir;
    }

    private static String service(final String name) {
        return """
                {{- $svc := index .Values.services "NAME" }}
                {{- $ctx := dict "name" "NAME" "root" . }}
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: NAME
                  labels:
                    {{- include "shop.labels" $ctx | nindent 4 }}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: NAME
                  labels:
                    {{- include "shop.labels" $ctx | nindent 4 }}
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: NAME
                  template:
                    metadata:
                      labels:
                        {{- include "shop.labels" $ctx | nindent 8 }}
                    spec:
                      serviceAccountName: NAME
                      containers:
                        - name: server
                          image: {{ $svc.image }}
                          ports:
                            - containerPort: {{ $svc.port }}
                          env:
                          {{- range $k, $v := $svc.env }}
                            - name: {{ $k }}
                              value: {{ $v | quote }}
                          {{- end }}
                          securityContext:
                            {{- toYaml $.Values.securityContext | nindent 12 }}
                          resources:
                            {{- toYaml $.Values.resources | nindent 12 }}
                      {{- with $.Values.nodeSelector }}
                      nodeSelector:
                        {{- toYaml . | nindent 8 }}
                      {{- end }}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: NAME
                  labels:
                    {{- include "shop.labels" $ctx | nindent 4 }}
                spec:
                  selector:
                    app.kubernetes.io/name: NAME
                  ports:
                    - port: 80
                      targetPort: {{ $svc.port }}
                """.replace("NAME", name);
    }
}
