String text = new File(basedir, 'build.log').getText('UTF-8')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/k8s-security/k8s-security-report.json'))
// the default folder is walked: the overlay is rendered (its base only through it), the CI file is skipped and listed
assert json.inputs.rendered*.path == ['src/main/k8s/overlays/prod']
assert json.inputs.rendered[0].renderer == 'kustomize'
assert json.inputs.skipped*.file == ['src/main/k8s/cloudbuild.yaml']
// the finding names the patch a person edits, the rendered line stays available
def privileged = json.findings.find { it.checkId == 'K8S-WL-001' }
assert privileged.resource.namespace == 'shop'
assert privileged.file == 'src/main/k8s/overlays/prod/debug.yaml'
assert privileged.line == 11
assert privileged.properties.rendered =~ /^line \d+ of `(kubectl kustomize|kustomize build) src\/main\/k8s\/overlays\/prod`$/
assert text.contains('Rendered kustomization src/main/k8s/overlays/prod: 1 object(s)')
assert text.contains('Skipped 1 document(s) that are not Kubernetes objects: src/main/k8s/cloudbuild.yaml:1')
return true
