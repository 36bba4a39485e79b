package reader

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	rt "termite/runtime"
)

// maxDepth bounds the nesting of datums, which the reader follows by
// recursion: beyond it the input is refused rather than risk the Go stack.
const maxDepth = 10000

// Error is a syntax error: exit status 65 for scripts.
type Error struct {
	Pos        rt.Pos
	Msg        string
	Incomplete bool // the text ended inside a datum (the REPL asks for more input)
}

// Error formats the error as file:line:col: msg.
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

var (
	symQuote           = rt.Intern("quote")
	symQuasiquote      = rt.Intern("quasiquote")
	symUnquote         = rt.Intern("unquote")
	symUnquoteSplicing = rt.Intern("unquote-splicing")
)

// delimiter marks the bytes that end a token. Besides R7RS's delimiters it
// holds the brackets (lists may use [ ]; { } are reserved) and the control
// characters, which are errors outside strings.
var delimiter = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte(" ()[]{}\";|\x7f") {
		t[c] = true
	}
	return t
}()

var charNames = map[string]rune{
	"alarm":     0x07,
	"backspace": 0x08,
	"delete":    0x7f,
	"escape":    0x1b,
	"newline":   0x0a,
	"null":      0x00,
	"return":    0x0d,
	"space":     0x20,
	"tab":       0x09,
	// Names from earlier reports and other systems.
	"nul":      0x00,
	"linefeed": 0x0a,
	"page":     0x0c,
	"rubout":   0x7f,
	"altmode":  0x1b,
}

type pendingPos struct {
	p         *rt.Pair
	line, col int32
}

// placeholder stands for a datum label (#n=) while its datum is being
// read; references to it (#n#) are patched once the datum is complete.
type placeholder struct {
	val  rt.Value
	done bool
	used bool
}

// A Reader reads datums one at a time from source text. It is not safe for
// concurrent use.
type Reader struct {
	src  []byte
	file string
	off  int

	// Columns are computed lazily from the start of the line: a position
	// is needed only for pairs and errors, and counting is amortized by
	// remembering the last place counted.
	line      int32
	lineStart int
	colOff    int
	col       int32

	fold bool
	err  error
	// Positions go to pending first and into the map only when asked for:
	// filling a map of known size at once is much cheaper than growing it
	// pair by pair, and the map dominated the cost of reading.
	pending  []pendingPos
	pos      rt.Positions
	labels   map[int]*placeholder
	syms     map[string]*rt.Symbol
	runes    []rune
	slab     []rt.Pair
	slabSize int
	start    rt.Pos // where the last top-level datum began
}

// cons allocates pairs from a slab: one allocation per many pairs instead
// of one each, which matters because source code is mostly pairs. Slabs
// start small and double, so that a small datum kept alive does not hold
// a large slab.
func (r *Reader) cons(car, cdr rt.Value) *rt.Pair {
	if len(r.slab) == 0 {
		r.slabSize = min(max(2*r.slabSize, 4), 256)
		r.slab = make([]rt.Pair, r.slabSize)
	}
	p := &r.slab[0]
	r.slab = r.slab[1:]
	p.Car, p.Cdr = car, cdr
	return p
}

// New returns a reader of src; file names the source in positions. A
// script's #! line and a UTF-8 byte order mark at the start are skipped.
func New(src []byte, file string) *Reader {
	r := &Reader{src: src, file: file, line: 1, col: 1, syms: make(map[string]*rt.Symbol), pending: make([]pendingPos, 0, len(src)/8)}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		r.off = 3
		r.lineStart = 3
		r.colOff = 3
	}
	if len(src) >= r.off+3 && src[r.off] == '#' && src[r.off+1] == '!' && (src[r.off+2] == '/' || src[r.off+2] == ' ') {
		if i := bytes.IndexAny(src[r.off:], "\r\n"); i >= 0 {
			r.off += i
		} else {
			r.off = len(src)
		}
	}
	return r
}

// Positions returns the start position of every pair read so far. Every
// call returns the same map, brought up to date.
func (r *Reader) Positions() rt.Positions {
	if r.pos == nil {
		r.pos = make(rt.Positions, len(r.pending))
	}
	for _, e := range r.pending {
		r.pos[e.p] = rt.Pos{File: r.file, Line: e.line, Col: e.col}
	}
	r.pending = r.pending[:0]
	return r.pos
}

func (r *Reader) setPos(p *rt.Pair, pos rt.Pos) {
	r.pending = append(r.pending, pendingPos{p, pos.Line, pos.Col})
}

// Offset returns the byte offset in src just past the last datum read (or
// past the atmosphere before the end, after io.EOF), so that a caller that
// reads from a stream (a port, the REPL) knows how much text a datum used.
func (r *Reader) Offset() int { return r.off }

// FoldCase reports whether symbols and character names are being folded to
// lower case (after #!fold-case).
func (r *Reader) FoldCase() bool { return r.fold }

// SetFoldCase sets the case folding that #!fold-case and #!no-fold-case
// control, for a caller that carries it from one reader to the next.
func (r *Reader) SetFoldCase(fold bool) { r.fold = fold }

// ReadAll reads every datum of src.
func ReadAll(src []byte, file string) ([]rt.Value, rt.Positions, error) {
	var out []rt.Value
	pos, err := readEach(src, file, func(_ *Reader, v rt.Value) { out = append(out, v) })
	return out, pos, err
}

// ReadForms is ReadAll with the data in a list, each of whose pairs has
// the position of the datum it holds: that of a symbol or other atom,
// which has none of its own, for the errors of a top-level form such as
// an unbound variable alone on its line.
func ReadForms(src []byte, file string) (rt.Value, rt.Positions, error) {
	var forms rt.Value = rt.Null
	var last *rt.Pair
	pos, err := readEach(src, file, func(r *Reader, v rt.Value) {
		p := &rt.Pair{Car: v, Cdr: rt.Null}
		r.setPos(p, r.start)
		if last == nil {
			forms = p
		} else {
			last.Cdr = p
		}
		last = p
	})
	return forms, pos, err
}

// readEach reads the data of src one after the other, calling f with each.
func readEach(src []byte, file string, f func(r *Reader, v rt.Value)) (rt.Positions, error) {
	r := New(src, file)
	for {
		v, err := r.Read()
		if err == io.EOF {
			return r.Positions(), nil
		}
		if err != nil {
			return r.Positions(), err
		}
		f(r, v)
	}
}

// Read returns the next datum, or io.EOF when only atmosphere (whitespace,
// comments, directives) is left. After an error every call returns it
// again.
func (r *Reader) Read() (rt.Value, error) {
	if r.err != nil {
		return nil, r.err
	}
	r.labels = nil
	v, err := r.readTop()
	if err != nil {
		r.err = err
		return nil, err
	}
	return v, nil
}

func (r *Reader) readTop() (rt.Value, error) {
	if err := r.skipAtmosphere(0); err != nil {
		return nil, err
	}
	if r.off >= len(r.src) {
		return nil, io.EOF
	}
	r.start = r.here()
	return r.read(0)
}

// here returns the position of r.off.
func (r *Reader) here() rt.Pos {
	if r.colOff < r.lineStart {
		r.colOff = r.lineStart
		r.col = 1
	}
	for _, c := range r.src[r.colOff:r.off] {
		if c&0xc0 != 0x80 {
			r.col++
		}
	}
	r.colOff = r.off
	return rt.Pos{File: r.file, Line: r.line, Col: r.col}
}

// newline records that the byte at i is a line feed.
// newline notes a line end at i: "\n", "\r", or the "\n" of "\r\n", whose
// "\r" counted the line already (R7RS 7.1.1: all three end a line).
func (r *Reader) newline(i int) {
	if r.src[i] != '\n' || i == 0 || r.src[i-1] != '\r' {
		r.line++
	}
	r.lineStart = i + 1
}

func (r *Reader) fail(pos rt.Pos, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func (r *Reader) incomplete(pos rt.Pos, msg string) error {
	return &Error{Pos: pos, Msg: msg, Incomplete: true}
}

func (r *Reader) delimAt(i int) bool {
	return i >= len(r.src) || delimiter[r.src[i]]
}

// skipAtmosphere skips whitespace, comments of the three kinds and the
// fold-case directives.
func (r *Reader) skipAtmosphere(depth int) error {
	for r.off < len(r.src) {
		switch c := r.src[r.off]; c {
		case ' ', '\t', '\f', '\v':
			r.off++
		case '\n', '\r':
			r.newline(r.off)
			r.off++
		case ';':
			if i := bytes.IndexAny(r.src[r.off:], "\r\n"); i >= 0 {
				r.off += i
			} else {
				r.off = len(r.src)
			}
		case '#':
			if r.off+1 >= len(r.src) {
				return nil
			}
			switch r.src[r.off+1] {
			case '|':
				if err := r.skipBlockComment(); err != nil {
					return err
				}
			case ';':
				if err := r.skipDatumComment(depth); err != nil {
					return err
				}
			case '!':
				if !r.directive() {
					return nil
				}
			default:
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

func (r *Reader) skipBlockComment() error {
	start := r.here()
	nest := 1
	i := r.off + 2
	for nest > 0 {
		if i >= len(r.src) {
			r.off = i
			return r.incomplete(start, "unterminated block comment")
		}
		switch r.src[i] {
		case '\n', '\r':
			r.newline(i)
		case '|':
			if i+1 < len(r.src) && r.src[i+1] == '#' {
				nest--
				i++
			}
		case '#':
			if i+1 < len(r.src) && r.src[i+1] == '|' {
				nest++
				i++
			}
		}
		i++
	}
	r.off = i
	return nil
}

func (r *Reader) skipDatumComment(depth int) error {
	start := r.here()
	if depth >= maxDepth {
		return r.fail(start, "datums nested more than %d deep", maxDepth)
	}
	r.off += 2
	if err := r.skipAtmosphere(depth + 1); err != nil {
		return err
	}
	if r.off >= len(r.src) {
		return r.incomplete(start, "expected a datum after #;")
	}
	if c := r.src[r.off]; c == ')' || c == ']' {
		return r.fail(start, "expected a datum after #;")
	}
	_, err := r.read(depth + 1)
	return err
}

// directive consumes #!fold-case or #!no-fold-case and reports whether it
// did; other #! syntax is left for read to reject.
func (r *Reader) directive() bool {
	i := r.off + 2
	for !r.delimAt(i) {
		i++
	}
	switch string(r.src[r.off+2 : i]) {
	case "fold-case":
		r.fold = true
	case "no-fold-case":
		r.fold = false
	default:
		return false
	}
	r.off = i
	return true
}

// read reads one datum; r.off is at its first byte.
func (r *Reader) read(depth int) (rt.Value, error) {
	start := r.here()
	if depth >= maxDepth {
		return nil, r.fail(start, "datums nested more than %d deep", maxDepth)
	}
	switch c := r.src[r.off]; c {
	case '(', '[':
		r.off++
		return r.readList(start, closerOf(c), depth)
	case ')', ']':
		r.off++
		return nil, r.fail(start, "unexpected %c", c)
	case '{', '}':
		return nil, r.fail(start, "%c is reserved", c)
	case '\'':
		r.off++
		return r.readAbbrev(start, symQuote, "'", depth)
	case '`':
		r.off++
		return r.readAbbrev(start, symQuasiquote, "`", depth)
	case ',':
		r.off++
		if r.off < len(r.src) && r.src[r.off] == '@' {
			r.off++
			return r.readAbbrev(start, symUnquoteSplicing, ",@", depth)
		}
		return r.readAbbrev(start, symUnquote, ",", depth)
	case '"':
		rs, err := r.readDelimited(start, '"', "string")
		if err != nil {
			return nil, err
		}
		return rt.NewStringRunes(rs), nil
	case '|':
		rs, err := r.readDelimited(start, '|', "symbol")
		if err != nil {
			return nil, err
		}
		return rt.Intern(string(rs)), nil
	case '#':
		return r.readHash(start, depth)
	default:
		if c < 0x20 || c == 0x7f {
			return nil, r.fail(start, "illegal character U+%04X", c)
		}
		return r.readAtom(start)
	}
}

func closerOf(open byte) byte {
	if open == '[' {
		return ']'
	}
	return ')'
}

func (r *Reader) readAbbrev(start rt.Pos, sym *rt.Symbol, text string, depth int) (rt.Value, error) {
	if err := r.skipAtmosphere(depth + 1); err != nil {
		return nil, err
	}
	if r.off >= len(r.src) {
		return nil, r.incomplete(start, "expected a datum after "+text)
	}
	elem := r.here()
	v, err := r.read(depth + 1)
	if err != nil {
		return nil, err
	}
	inner := r.cons(v, rt.Null)
	outer := r.cons(sym, inner)
	r.setPos(outer, start)
	r.setPos(inner, elem)
	return outer, nil
}

func (r *Reader) readList(start rt.Pos, closer byte, depth int) (rt.Value, error) {
	var head, tail *rt.Pair
	for {
		if err := r.skipAtmosphere(depth + 1); err != nil {
			return nil, err
		}
		if r.off >= len(r.src) {
			return nil, r.incomplete(start, "unterminated list")
		}
		c := r.src[r.off]
		if c == ')' || c == ']' {
			if c != closer {
				return nil, r.fail(r.here(), "expected %c, found %c", closer, c)
			}
			r.off++
			if head == nil {
				return rt.Null, nil
			}
			return head, nil
		}
		if c == '.' && r.delimAt(r.off+1) {
			if head == nil {
				return nil, r.fail(r.here(), "unexpected . at the start of a list")
			}
			r.off++
			if err := r.dottedTail(start, closer, tail, depth); err != nil {
				return nil, err
			}
			return head, nil
		}
		elem := r.here()
		v, err := r.read(depth + 1)
		if err != nil {
			return nil, err
		}
		p := r.cons(v, rt.Null)
		if head == nil {
			head = p
			r.setPos(p, start)
		} else {
			tail.Cdr = p
			r.setPos(p, elem)
		}
		tail = p
	}
}

// dottedTail reads what follows the dot of (a . b): exactly one datum,
// then the closing parenthesis.
func (r *Reader) dottedTail(start rt.Pos, closer byte, tail *rt.Pair, depth int) error {
	if err := r.skipAtmosphere(depth + 1); err != nil {
		return err
	}
	if r.off >= len(r.src) {
		return r.incomplete(start, "unterminated list")
	}
	if c := r.src[r.off]; c == ')' || c == ']' {
		return r.fail(r.here(), "expected a datum after .")
	}
	v, err := r.read(depth + 1)
	if err != nil {
		return err
	}
	tail.Cdr = v
	if err := r.skipAtmosphere(depth + 1); err != nil {
		return err
	}
	if r.off >= len(r.src) {
		return r.incomplete(start, "unterminated list")
	}
	if c := r.src[r.off]; c != closer {
		if c == ')' || c == ']' {
			return r.fail(r.here(), "expected %c, found %c", closer, c)
		}
		return r.fail(r.here(), "more than one datum after . in a list")
	}
	r.off++
	return nil
}

// readSeq reads the elements of a vector or bytevector up to ')'.
func (r *Reader) readSeq(start rt.Pos, what string, depth int, elem func(v rt.Value, pos rt.Pos) error) error {
	for {
		if err := r.skipAtmosphere(depth + 1); err != nil {
			return err
		}
		if r.off >= len(r.src) {
			return r.incomplete(start, "unterminated "+what)
		}
		switch r.src[r.off] {
		case ')':
			r.off++
			return nil
		case ']':
			return r.fail(r.here(), "expected ), found ]")
		}
		pos := r.here()
		v, err := r.read(depth + 1)
		if err != nil {
			return err
		}
		if err := elem(v, pos); err != nil {
			return err
		}
	}
}

func (r *Reader) readHash(start rt.Pos, depth int) (rt.Value, error) {
	if r.off+1 >= len(r.src) {
		return nil, r.incomplete(start, "unexpected end of input after #")
	}
	c := r.src[r.off+1]
	switch {
	case c == '(':
		r.off += 2
		var items []rt.Value
		err := r.readSeq(start, "vector", depth, func(v rt.Value, _ rt.Pos) error {
			items = append(items, v)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return &rt.Vector{Items: items}, nil
	case (c == 'u' || c == 'U') && bytes.HasPrefix(r.src[r.off+2:], []byte("8(")):
		r.off += 4
		bs := []byte{}
		err := r.readSeq(start, "bytevector", depth, func(v rt.Value, pos rt.Pos) error {
			n, ok := v.(rt.Fixnum)
			if !ok || n.Int() < 0 || n.Int() > 255 {
				return r.fail(pos, "bytevector element is not a byte: %s", rt.WriteString(v))
			}
			bs = append(bs, byte(n.Int()))
			return nil
		})
		if err != nil {
			return nil, err
		}
		return &rt.Bytevector{B: bs}, nil
	case c == '\\':
		return r.readChar(start)
	case c >= '0' && c <= '9':
		return r.readLabel(start, depth)
	}
	i := r.off + 1
	for !r.delimAt(i) {
		i++
	}
	tok := r.src[r.off:i]
	if !utf8.Valid(tok) {
		return nil, r.fail(start, "invalid UTF-8")
	}
	r.off = i
	switch strings.ToLower(string(tok)) {
	case "#t", "#true":
		return rt.True, nil
	case "#f", "#false":
		return rt.False, nil
	}
	switch c | 0x20 {
	case 'x', 'o', 'b', 'd', 'e', 'i':
		if v, ok := rt.ParseNumber(string(tok), 10); ok {
			return v, nil
		}
		return nil, r.fail(start, "bad number %s", tok)
	}
	if c == '!' {
		return nil, r.fail(start, "unknown directive %s", tok)
	}
	return nil, r.fail(start, "bad syntax %s", tok)
}

func (r *Reader) readChar(start rt.Pos) (rt.Value, error) {
	first := r.off + 2
	if first >= len(r.src) {
		r.off = first
		return nil, r.incomplete(start, "unexpected end of input after #\\")
	}
	c, size := utf8.DecodeRune(r.src[first:])
	if c == utf8.RuneError && size <= 1 {
		return nil, r.fail(start, "invalid UTF-8")
	}
	if c == '\n' || c == '\r' {
		r.newline(first)
	}
	i := first + size
	if c < utf8.RuneSelf && delimiter[c] {
		r.off = i
		return rt.Char(c), nil
	}
	for !r.delimAt(i) {
		i++
	}
	r.off = i
	if i == first+size {
		return rt.Char(c), nil
	}
	name := string(r.src[first:i])
	if !utf8.ValidString(name) {
		return nil, r.fail(start, "invalid UTF-8")
	}
	key := name
	if r.fold {
		key = strings.ToLower(name)
	}
	if ch, ok := charNames[key]; ok {
		return rt.Char(ch), nil
	}
	if name[0] == 'x' || name[0] == 'X' {
		if ch, ok := parseHexScalar(name[1:]); ok {
			return rt.Char(ch), nil
		}
	}
	return nil, r.fail(start, "bad character name #\\%s", name)
}

// parseHexScalar parses the hex digits of \x41; or #\x41 as a Unicode
// scalar value.
func parseHexScalar(s string) (rune, bool) {
	if s == "" || len(s) > 8 {
		return 0, false
	}
	var n rune
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		n = n<<4 | rune(d)
	}
	if !utf8.ValidRune(n) {
		return 0, false
	}
	return n, true
}

// readDelimited reads the body of a string or |symbol| after its opening
// quote, with the R7RS escapes. The runes it returns are r's scratch
// buffer, which the next call reuses.
func (r *Reader) readDelimited(start rt.Pos, q byte, what string) ([]rune, error) {
	rs := r.runes[:0]
	i := r.off + 1
	for {
		if i >= len(r.src) {
			r.off = i
			return nil, r.incomplete(start, "unterminated "+what)
		}
		c := r.src[i]
		switch {
		case c == q:
			r.off = i + 1
			r.runes = rs
			return rs, nil
		case c == '\\':
			var err error
			rs, i, err = r.escape(rs, i, what)
			if err != nil {
				return nil, err
			}
		case c < utf8.RuneSelf:
			if c == '\n' || c == '\r' {
				r.newline(i)
			}
			rs = append(rs, rune(c))
			i++
		default:
			ch, size := utf8.DecodeRune(r.src[i:])
			if ch == utf8.RuneError && size <= 1 {
				r.off = i
				return nil, r.fail(r.here(), "invalid UTF-8 in %s", what)
			}
			rs = append(rs, ch)
			i += size
		}
	}
}

// escape decodes the escape at the backslash at i and returns the index
// after it.
func (r *Reader) escape(rs []rune, i int, what string) ([]rune, int, error) {
	if i+1 >= len(r.src) {
		r.off = i
		return nil, 0, r.incomplete(r.here(), "unterminated "+what)
	}
	switch e := r.src[i+1]; e {
	case 'a':
		return append(rs, 7), i + 2, nil
	case 'b':
		return append(rs, 8), i + 2, nil
	case 't':
		return append(rs, '\t'), i + 2, nil
	case 'n':
		return append(rs, '\n'), i + 2, nil
	case 'r':
		return append(rs, '\r'), i + 2, nil
	case '"', '\\', '|':
		return append(rs, rune(e)), i + 2, nil
	case 'x', 'X':
		j := i + 2
		for j < len(r.src) && j-i < 12 && r.src[j] != ';' && !delimiter[r.src[j]] {
			j++
		}
		if j >= len(r.src) {
			r.off = i
			return nil, 0, r.incomplete(r.here(), "unterminated "+what)
		}
		ch, ok := parseHexScalar(string(r.src[i+2 : j]))
		if r.src[j] != ';' || !ok {
			r.off = i
			return nil, 0, r.fail(r.here(), "bad escape \\%s in %s: expected \\xHEX;", r.src[i+1:j], what)
		}
		return append(rs, ch), j + 1, nil
	case ' ', '\t', '\r', '\n':
		// A line continuation: \ and intraline whitespace, a line end,
		// intraline whitespace; all of it stands for nothing.
		j := i + 1
		for j < len(r.src) && (r.src[j] == ' ' || r.src[j] == '\t') {
			j++
		}
		if j >= len(r.src) {
			r.off = i
			return nil, 0, r.incomplete(r.here(), "unterminated "+what)
		}
		if r.src[j] != '\n' && r.src[j] != '\r' {
			r.off = i
			return nil, 0, r.fail(r.here(), "bad escape in %s: \\ followed by whitespace must end the line", what)
		}
		r.newline(j)
		if r.src[j] == '\r' && j+1 < len(r.src) && r.src[j+1] == '\n' {
			j++
			r.newline(j)
		}
		j++
		for j < len(r.src) && (r.src[j] == ' ' || r.src[j] == '\t') {
			j++
		}
		return rs, j, nil
	default:
		r.off = i
		ch, _ := utf8.DecodeRune(r.src[i+1:])
		return nil, 0, r.fail(r.here(), "bad escape \\%c in %s", ch, what)
	}
}

func (r *Reader) readAtom(start rt.Pos) (rt.Value, error) {
	i := r.off
	for !r.delimAt(i) {
		i++
	}
	tok := r.src[r.off:i]
	if len(tok) == 0 {
		return nil, r.fail(start, "unexpected character %q", r.src[r.off])
	}
	r.off = i
	if c := tok[0]; c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' {
		if len(tok) == 1 && c == '.' {
			return nil, r.fail(start, "unexpected .")
		}
		if v, ok := smallInt(tok); ok {
			return v, nil
		}
		if v, ok := rt.ParseNumber(string(tok), 10); ok {
			return v, nil
		}
	}
	if !utf8.Valid(tok) {
		return nil, r.fail(start, "invalid UTF-8")
	}
	if r.fold {
		return r.intern([]byte(strings.ToLower(string(tok)))), nil
	}
	return r.intern(tok), nil
}

// smallInt reads the unsigned decimal integers of at most 18 digits that
// most numeric literals are, without making a string of the token.
func smallInt(tok []byte) (rt.Value, bool) {
	if len(tok) > 18 {
		return nil, false
	}
	var n int64
	for _, c := range tok {
		if c < '0' || c > '9' {
			return nil, false
		}
		n = n*10 + int64(c-'0')
	}
	return rt.MakeFixnum(n), true
}

// intern looks the name up in a reader-local table first: indexing a map
// with string(b) does not allocate, Intern's string argument would.
func (r *Reader) intern(name []byte) *rt.Symbol {
	if s, ok := r.syms[string(name)]; ok {
		return s
	}
	s := rt.Intern(string(name))
	r.syms[s.Name] = s
	return s
}

func (r *Reader) readLabel(start rt.Pos, depth int) (rt.Value, error) {
	i := r.off + 1
	n := 0
	for i < len(r.src) && r.src[i] >= '0' && r.src[i] <= '9' {
		if i-r.off > 9 {
			return nil, r.fail(start, "datum label too large")
		}
		n = n*10 + int(r.src[i]-'0')
		i++
	}
	if i >= len(r.src) {
		r.off = i
		return nil, r.incomplete(start, "unexpected end of input in a datum label")
	}
	switch r.src[i] {
	case '#':
		r.off = i + 1
		ph, ok := r.labels[n]
		if !ok {
			return nil, r.fail(start, "undefined datum label #%d#", n)
		}
		// A label defined as another label's reference (#1=#0#) holds a
		// placeholder; follow the chain to the datum if it is complete.
		for ph.done {
			next, isPh := ph.val.(*placeholder)
			if !isPh {
				return ph.val, nil
			}
			ph = next
		}
		ph.used = true
		return ph, nil
	case '=':
		r.off = i + 1
		if _, dup := r.labels[n]; dup {
			return nil, r.fail(start, "datum label #%d= defined twice", n)
		}
		if r.labels == nil {
			r.labels = make(map[int]*placeholder)
		}
		ph := &placeholder{}
		r.labels[n] = ph
		if err := r.skipAtmosphere(depth + 1); err != nil {
			return nil, err
		}
		if r.off >= len(r.src) {
			return nil, r.incomplete(start, fmt.Sprintf("expected a datum after #%d=", n))
		}
		v, err := r.read(depth + 1)
		if err != nil {
			return nil, err
		}
		if v == rt.Value(ph) {
			return nil, r.fail(start, "datum label #%d= refers to itself", n)
		}
		ph.val = v
		ph.done = true
		if ph.used {
			patch(v, ph)
		}
		return v, nil
	}
	r.off = i
	return nil, r.fail(start, "bad syntax: expected = or # after #%d", n)
}

// patch replaces every reference to ph inside v by ph's datum, walking
// pairs and vectors with an explicit stack and a visited set, since the
// structure may already be cyclic through other labels.
func patch(v rt.Value, ph *placeholder) {
	seen := make(map[rt.Value]bool)
	stack := []rt.Value{v}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c := x.(type) {
		case *rt.Pair:
			for c != nil && !seen[c] {
				seen[c] = true
				if c.Car == rt.Value(ph) {
					c.Car = ph.val
				} else {
					stack = appendContainer(stack, c.Car)
				}
				if c.Cdr == rt.Value(ph) {
					c.Cdr = ph.val
					break
				}
				next, ok := c.Cdr.(*rt.Pair)
				if !ok {
					stack = appendContainer(stack, c.Cdr)
				}
				c = next
			}
		case *rt.Vector:
			if seen[c] {
				continue
			}
			seen[c] = true
			for i, it := range c.Items {
				if it == rt.Value(ph) {
					c.Items[i] = ph.val
				} else {
					stack = appendContainer(stack, it)
				}
			}
		}
	}
}

func appendContainer(stack []rt.Value, v rt.Value) []rt.Value {
	switch v.(type) {
	case *rt.Pair, *rt.Vector:
		return append(stack, v)
	}
	return stack
}
