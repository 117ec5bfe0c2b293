"""The Jupyter project's kernel conformance suite (Debian's
python3-jupyter-kernel-test) with this kernel's samples for every test,
the optional ones included (display, clear_output, history, pager): a
test that has no sample would be skipped, and test_no_sample_missing
checks that none is."""

import unittest

import jupyter_kernel_test
import pytest

pytestmark = pytest.mark.usefixtures("jupyter_data_dir")  # the installed kernelspec


class GokernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "gokernel"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'fmt.Println("hello, world")'
    code_stderr = 'fmt.Fprintln(os.Stderr, "to stderr")'
    completion_samples = [
        {"text": "fmt.Sprin", "matches": {"Sprint", "Sprintf", "Sprintln"}},
        {"text": "strings.ToUpp", "matches": {"ToUpper", "ToUpperSpecial"}},
    ]
    complete_code_samples = ['fmt.Println("x")', "x := 1", "func f() int {\n\treturn 1\n}"]
    incomplete_code_samples = ["func f() int {", "for i := 0; i < 3; i++ {", 'fmt.Println("a",']
    invalid_code_samples = ["}", "x := )"]
    code_page_something = "fmt.Println?"
    code_generate_error = 'panic("conformance error")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"go" + "pher"', "result": '"gopher"'},
        {"code": "len([]int{1, 2, 3})", "result": "3"},
    ]
    code_display_data = [
        {"code": 'import "gokernel/display"\ndisplay.HTML("<b>bold</b>")', "mime": "text/html"},
        {"code": 'display.Markdown("*md*")', "mime": "text/markdown"},
    ]
    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "fmt.Println"
    code_clear_output = 'import "gokernel/display"\ndisplay.Clear(false)'


def test_no_sample_missing():
    """Every optional test of the suite has a sample here, so none is skipped."""
    names = [n for n in dir(jupyter_kernel_test.KernelTests)
             if n.startswith("code_") or n.endswith("_samples") or n in ("language_name", "file_extension")]
    assert names, "the suite's sample attributes were not found"
    missing = [n for n in names if not getattr(GokernelConformance, n)]
    assert missing == [], missing


def test_pager_shows_the_documentation(kernel):
    """fmt.Println? pages the documentation as IPython does; ?? too; an unknown name says so."""
    for code, detail in (("fmt.Println?", 0), ("fmt.Println??", 1)):
        r = kernel.run(code)
        assert r.status == "ok", r
        payload = r.reply["payload"]
        assert len(payload) == 1 and payload[0]["source"] == "page", payload
        assert "func Println(a ...any) (n int, err error)" in payload[0]["data"]["text/plain"], payload
        assert r.result is None and r.errors == []
    r = kernel.run("nosuchname?")
    assert r.status == "ok" and r.reply["payload"] == []
    assert r.stdout == "Object `nosuchname` not found.\n"


if __name__ == "__main__":
    unittest.main()
