# with statements are refused.
import io

with io.StringIO() as f:
    f.write("x")
