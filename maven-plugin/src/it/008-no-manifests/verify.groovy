String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('K8s Security Gate: no Kubernetes manifests found (looked in src/main/k8s, src/main/kubernetes')
assert text.contains('nothing to check')
assert text.contains('BUILD SUCCESS')
return true
