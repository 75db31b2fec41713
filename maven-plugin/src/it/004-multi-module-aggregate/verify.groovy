String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('BUILD SUCCESS')
// one combined run, in the last module, after every module was built
assert text.count('checking the manifests of 4 module(s) together') == 1
assert text.contains('K8s Security Gate: WARN')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/k8s-security-aggregate/k8s-security-report.json'))
assert json.decision.status == 'WARN'
// the frontend's Deployment, and the Service the backend module generated during the build: it was there when the
// aggregate ran, even in a parallel build
assert json.summary.resources == 2
assert json.summary.files == 2
assert json.findings.findAll { it.checkId == 'K8S-WL-001' }*.file == ['frontend/src/main/k8s/frontend.yaml']
assert new File(basedir, 'target/k8s-security-aggregate/k8s-security-report.html').isFile()
assert !new File(basedir, 'frontend/target/k8s-security-aggregate').exists()
return true
