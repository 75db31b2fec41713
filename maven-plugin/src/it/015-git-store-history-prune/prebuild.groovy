// the remote the Git store pushes to: an empty bare repository next to the project
Process git = new ProcessBuilder('git', 'init', '--bare', '--quiet', 'baselines.git').directory(basedir)
        .redirectErrorStream(true).start()
assert git.waitFor() == 0 : git.inputStream.text
return true
