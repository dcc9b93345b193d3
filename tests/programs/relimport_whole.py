# compile-package-whole: relpkg
# relimport.py's checks of relative imports, with relpkg compiled whole into
# one extension module instead of one extension per module.
with open("relimport.py") as f:
    exec(compile(f.read(), "relimport.py", "exec"))
