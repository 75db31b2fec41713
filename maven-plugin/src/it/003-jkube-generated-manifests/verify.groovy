String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/k8s-security/k8s-security-report.json'))
// JKube wrote each object twice; each is checked once, from its own file
assert json.summary.resources == 2
assert json.summary.files == 2
def privileged = json.findings.findAll { it.checkId == 'K8S-WL-001' }
assert privileged.size() == 1
assert privileged[0].file == 'target/classes/META-INF/jkube/kubernetes/orders-deployment.yml'
assert privileged[0].resource.name == 'orders'
return true
