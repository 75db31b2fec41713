String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('K8s Security Gate: no Kubernetes manifests found')
assert text.contains('failIfNoManifests is true')
return true
