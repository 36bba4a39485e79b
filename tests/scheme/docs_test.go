package scheme_test

// The documentation's programs are tests too, so that the docs cannot
// drift from what termite does.
//
// # Examples
//
// Every examples/NAME.scm is run like a test file of this folder (from
// examples/, markers and all) and must have an examples/NAME.out holding
// what it prints.
//
// # Code blocks in the documents
//
// In README.md and docs/*.md, a fenced block whose info string is
// "scheme" is a program, and an "output" block right after it (blank
// lines between are allowed) is what it prints:
//
//	```scheme
//	(display (+ 1 2))
//	```
//	```output
//	3
//	```
//
// Each such block runs on its own, as a test file written to a temporary
// folder: no output block means it must print nothing, and a "; ERROR:
// REGEXP" marker means it must die there, as in this folder's files.
// Blocks that are not whole programs (a signature, a shell session) use
// another info string, or none.
//
// A line "<!-- from: examples/NAME.scm -->" right before a scheme block
// makes the block a verbatim part of that example instead (the whole file,
// or lines of it): it is checked to appear in the file and is not run on
// its own, since the example is. An output block after it must likewise
// appear in examples/NAME.out.

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// repoRoot is the repository's root, seen from this folder.
const repoRoot = "../.."

func TestExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot, "examples", "*.scm"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			if _, err := os.Stat(strings.TrimSuffix(f, ".scm") + ".out"); err != nil {
				t.Fatalf("%s: every example needs the output it prints: %v", f, err)
			}
			runFile(t, f)
		})
	}
}

// docBlock is a scheme block of a document, with the output block that
// follows it, if any.
type docBlock struct {
	line      int    // the line of the opening fence
	from      string // the example it is part of, or ""
	code      string
	output    string
	hasOutput bool
}

var (
	fenceRE = regexp.MustCompile("^```\\s*(\\S*)\\s*$")
	fromRE  = regexp.MustCompile(`^<!--\s*from:\s*(\S+)\s*-->\s*$`)
)

// docBlocks returns the scheme blocks of a Markdown text.
func docBlocks(text string) ([]docBlock, error) {
	lines := strings.Split(text, "\n")
	var blocks []docBlock
	// fenced reads the block whose opening fence is lines[i]: its text
	// and the index of the line after its closing fence.
	fenced := func(i int) (string, int, error) {
		var body strings.Builder
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "```" {
				return body.String(), j + 1, nil
			}
			body.WriteString(lines[j] + "\n")
		}
		return "", 0, fmt.Errorf("line %d: code block not closed", i+1)
	}
	for i := 0; i < len(lines); {
		m := fenceRE.FindStringSubmatch(lines[i])
		if m == nil {
			i++
			continue
		}
		code, next, err := fenced(i)
		if err != nil {
			return nil, err
		}
		switch m[1] {
		case "scheme":
		case "output":
			return nil, fmt.Errorf("line %d: output block without a scheme block before it", i+1)
		default:
			i = next
			continue
		}
		b := docBlock{line: i + 1, code: code}
		if i > 0 {
			if f := fromRE.FindStringSubmatch(lines[i-1]); f != nil {
				b.from = f[1]
			}
		}
		j := next
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j < len(lines) {
			if o := fenceRE.FindStringSubmatch(lines[j]); o != nil && o[1] == "output" {
				b.output, next, err = fenced(j)
				if err != nil {
					return nil, err
				}
				b.hasOutput = true
			}
		}
		blocks = append(blocks, b)
		i = next
	}
	return blocks, nil
}

func TestDocs(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join(repoRoot, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, filepath.Join(repoRoot, "README.md"))
	for _, doc := range docs {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		blocks, err := docBlocks(string(text))
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		name := filepath.Base(doc)
		for _, b := range blocks {
			t.Run(fmt.Sprintf("%s:%d", name, b.line), func(t *testing.T) {
				t.Parallel()
				if b.from != "" {
					checkExcerpt(t, name, b)
					return
				}
				dir := t.TempDir()
				base := filepath.Join(dir, fmt.Sprintf("%s-%d", strings.TrimSuffix(name, ".md"), b.line))
				write(t, base+".scm", b.code)
				if b.hasOutput {
					write(t, base+".out", b.output)
				}
				runFile(t, base+".scm")
			})
		}
	}
}

// checkExcerpt checks that a block marked "from: FILE" and its output
// block are parts of FILE and of its .out file.
func checkExcerpt(t *testing.T, doc string, b docBlock) {
	t.Helper()
	file := filepath.Join(repoRoot, filepath.FromSlash(b.from))
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%s:%d: %v", doc, b.line, err)
	}
	if !strings.Contains(string(src), b.code) {
		t.Errorf("%s:%d: the block is not a part of %s:\n%s", doc, b.line, b.from, firstDifference(b.code, string(src)))
	}
	if !b.hasOutput {
		return
	}
	out, err := os.ReadFile(strings.TrimSuffix(file, ".scm") + ".out")
	if err != nil {
		t.Fatalf("%s:%d: %v", doc, b.line, err)
	}
	if !strings.Contains(string(out), b.output) {
		t.Errorf("%s:%d: the output block is not a part of the output of %s:\n%s", doc, b.line, b.from, firstDifference(b.output, string(out)))
	}
}

// firstDifference names the first line of part that whole lacks, for a
// failure message.
func firstDifference(part, whole string) string {
	have := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(whole))
	for sc.Scan() {
		have[sc.Text()] = true
	}
	for i, line := range strings.Split(strings.TrimSuffix(part, "\n"), "\n") {
		if !have[line] {
			return fmt.Sprintf("line %d of the block is not in it: %q", i+1, line)
		}
	}
	return "its lines are all there, but not in this order"
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDocBlocks(t *testing.T) {
	tests := []struct {
		name, text string
		want       []docBlock
		err        string
	}{
		{"a program and its output",
			"text\n```scheme\n(display 1)\n```\n\n```output\n1\n```\n",
			[]docBlock{{line: 2, code: "(display 1)\n", output: "1\n", hasOutput: true}}, ""},
		{"a program without output, other blocks skipped",
			"```\nshell\n```\n```scheme\n(define x 1)\n```\n```text\nx\n```\n",
			[]docBlock{{line: 4, code: "(define x 1)\n"}}, ""},
		{"a part of an example",
			"<!-- from: examples/a.scm -->\n```scheme\n(f)\n```\n```output\n2\n```\n",
			[]docBlock{{line: 2, from: "examples/a.scm", code: "(f)\n", output: "2\n", hasOutput: true}}, ""},
		{"an output block is not taken across text",
			"```scheme\n(f)\n```\nprose\n```output\n2\n```\n",
			nil, "line 5: output block without a scheme block"},
		{"an unclosed block",
			"```scheme\n(f)\n",
			nil, "line 1: code block not closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := docBlocks(tc.text)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
