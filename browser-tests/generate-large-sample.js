'use strict';
// Writes a large manifest set (default 2,000 resources in 40 files) for the browser tests: Deployments with
// Services and ConfigMaps across 25 namespaces; every 9th Deployment runs a privileged container, every 45th is
// exempted by annotation. Usage: node generate-large-sample.js OUTPUT_DIR [RESOURCES]
const fs = require('fs');
const path = require('path');

function deployment(i) {
  const ns = `team-${i % 25}`;
  const privileged = i % 9 === 0;
  const exempt = i % 45 === 0;
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: service-${i}`,
    `  namespace: ${ns}`,
    ...(exempt ? ['  annotations:', '    k8sgate.io/exempt: K8S-WL-001',
      `    k8sgate.io/exempt-reason: "Load test agent ${i}, accepted by the platform team"`] : []),
    'spec:',
    '  replicas: 2',
    `  selector: {matchLabels: {app: service-${i}}}`,
    '  template:',
    `    metadata: {labels: {app: service-${i}}}`,
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/${ns}/service-${i}:1.${i % 7}.0`,
    '          resources: {limits: {memory: 256Mi}}',
    '          securityContext:',
    `            privileged: ${privileged}`,
    '            allowPrivilegeEscalation: false',
  ].join('\n');
}

function service(i) {
  return ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: service-${i}`, `  namespace: team-${i % 25}`,
    'spec:', `  selector: {app: service-${i}}`, '  ports: [{port: 80, targetPort: 8080}]'].join('\n');
}

function configMap(i) {
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: service-${i}-config`,
    `  namespace: team-${i % 25}`, 'data:', `  LOG_LEVEL: info`, `  FEATURE_FLAGS: "checkout,search-${i}"`].join('\n');
}

function generate(dir, total) {
  fs.rmSync(dir, {recursive: true, force: true});
  fs.mkdirSync(dir, {recursive: true});
  const docs = [];
  for (let i = 0; docs.length < total; i++) {
    docs.push(deployment(i));
    if (docs.length < total) docs.push(service(i));
    if (docs.length < total && i % 2 === 0) docs.push(configMap(i));
  }
  const perFile = Math.ceil(docs.length / 40);
  for (let f = 0; f * perFile < docs.length; f++) {
    const chunk = docs.slice(f * perFile, (f + 1) * perFile);
    fs.writeFileSync(path.join(dir, `apps-${String(f).padStart(2, '0')}.yaml`), chunk.join('\n---\n') + '\n');
  }
  return docs.length;
}

module.exports = {generate};

if (require.main === module) {
  const [dir, count] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node generate-large-sample.js OUTPUT_DIR [RESOURCES]');
    process.exit(2);
  }
  console.log(`${generate(path.resolve(dir), Number(count || 2000))} resources written to ${dir}`);
}
