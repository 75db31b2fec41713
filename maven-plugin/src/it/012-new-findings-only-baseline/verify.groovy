import groovy.json.JsonSlurper

File store = new File(basedir, '.k8s-security/baselines')
assert new File(store, 'index.json').isFile()

// invocation 2: only the pod added since the baseline counts, and it fails the gate
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /new finding\(s\) at or above failOn HIGH: K8S-WL-001 Pod\/payments\/second-debug/
assert !(log =~ /new finding\(s\) at or above failOn HIGH: K8S-WL-001 Pod\/payments\/debug/)

// the last gate run (invocation 3) counted only new findings and passed
def json = new JsonSlurper().parse(new File(basedir, 'target/k8s-security/k8s-security-report.json'))
assert json.policy.newFindingsOnly == true
assert json.decision.status != 'FAIL'
assert json.findings.any { it.checkId == 'K8S-WL-001' && it.resource.name == 'debug' }

// the export holds the recorded pod
File export = new File(basedir, 'target/k8s-security/baseline-export')
assert export.isDirectory()
def exported = []
export.eachFileRecurse { if (it.isFile()) { exported << it.getText('UTF-8') } }
assert exported.any { it.contains('debug') && it.contains('privileged') }
// invocation 5: the diff names the added pod and its new finding
assert log =~ /compared with baseline v1: [1-9][0-9]* new/
assert log.contains('  + Pod/payments/second-debug')
assert log =~ /new: CRITICAL K8S-WL-001 Pod\/payments\/second-debug/
return true
