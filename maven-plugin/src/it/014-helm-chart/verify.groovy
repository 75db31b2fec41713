String text = new File(basedir, 'build.log').getText('UTF-8')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/k8s-security/k8s-security-report.json'))
// the configured chart is rendered in-process with the values file, --set value, release and namespace
def chart = json.inputs.rendered[0]
assert chart.renderer == 'helm'
assert chart.path == 'src/main/helm/shop'
assert chart.release == 'shop'
assert chart.namespace == 'shop'
assert chart.valuesFiles == ['src/main/helm/shop/values-prod.yaml']
assert chart.setKeys == ['image.tag']
assert chart.objects*.resource*.namespace == ['shop', 'shop']
// the finding names the template line; the hook is checked and marked
def privileged = json.findings.find { it.checkId == 'K8S-WL-001' }
assert privileged.file == 'src/main/helm/shop/templates/deployment.yaml'
assert privileged.line == 19
assert privileged.resource.name == 'shop-web'
def hostNetwork = json.findings.find { it.checkId == 'K8S-WL-002' }
assert hostNetwork.file == 'src/main/helm/shop/templates/migrate.yaml'
assert hostNetwork.properties.helmHook == 'pre-upgrade'
assert text.contains('Rendered chart shop 0.3.0 (src/main/helm/shop), release shop, namespace shop')
assert !text.contains('image.tag=2.4.0')
return true
