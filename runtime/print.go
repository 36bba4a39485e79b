package runtime

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// printMode selects one of the four R7RS printers.
type printMode uint8

const (
	modeWrite   printMode = iota // labels for cycles only
	modeDisplay                  // as modeWrite, strings and chars raw
	modeShared                   // labels for every shared object
	modeSimple                   // no labels at all
)

// printFlushSize is how much output the printer holds before passing it to
// the writer, so that printing a huge list streams instead of growing one
// buffer.
const printFlushSize = 32 << 10

// printMaxDepth bounds the recursion on cars and vector elements. Only
// write-simple on a structure that is circular through its cars, or an
// absurdly deep nesting, reaches it; the printer then writes "..." rather
// than overflow the Go stack, which would kill the whole node.
const printMaxDepth = 100000

// printCycleBudget is how many objects a quick walk without bookkeeping may
// visit before the printer pays for exact cycle detection. A walk that ends
// within the budget proves there is no cycle: a cycle would make it endless.
const printCycleBudget = 1 << 20

// Write writes v as write does: datum labels mark cycles only.
func Write(w io.Writer, v Value) error { return printTo(w, v, modeWrite) }

// WriteShared writes v as write-shared does: datum labels mark every pair
// and vector reached more than once.
func WriteShared(w io.Writer, v Value) error { return printTo(w, v, modeShared) }

// WriteSimple writes v as write-simple does, without datum labels; like
// R7RS's, it does not terminate on a list that is circular through its cdrs.
func WriteSimple(w io.Writer, v Value) error { return printTo(w, v, modeSimple) }

// Display writes v as display does: strings and characters as their
// contents, symbols without bars; cycles are still labelled.
func Display(w io.Writer, v Value) error { return printTo(w, v, modeDisplay) }

// WriteString returns the written representation of v.
func WriteString(v Value) string {
	var p datumPrinter
	p.init(nil, v, modeWrite)
	p.print(v, 0)
	return string(p.buf)
}

// DisplayString returns the displayed representation of v.
func DisplayString(v Value) string {
	switch x := v.(type) {
	case *String:
		return x.String()
	case *Symbol:
		return x.Name
	}
	var p datumPrinter
	p.init(nil, v, modeDisplay)
	p.print(v, 0)
	return string(p.buf)
}

func printTo(w io.Writer, v Value, mode printMode) error {
	var p datumPrinter
	p.init(w, v, mode)
	p.print(v, 0)
	p.flush()
	return p.err
}

type datumPrinter struct {
	w       io.Writer
	port    *Port // w, when it is a port: buf is then its buffer's free space
	err     error
	buf     []byte
	display bool
	// labels holds the objects that get a datum label: -1 until the label
	// is written, then its number.
	labels map[Value]int
	next   int
}

func (p *datumPrinter) init(w io.Writer, v Value, mode printMode) {
	p.w = w
	if port, ok := w.(*Port); ok {
		// Printed into the port's buffer, a datum costs no allocation
		// when it fits (display of a string cost one before).
		p.port = port
		p.buf = port.availableBuffer()
	}
	p.display = mode == modeDisplay
	if !isPrintContainer(v) {
		return
	}
	switch mode {
	case modeShared:
		p.labels = findLabels(v, true)
	case modeWrite, modeDisplay:
		if !walkWithinBudget(v) {
			p.labels = findLabels(v, false)
		}
	}
	if len(p.labels) == 0 {
		p.labels = nil
	}
}

func (p *datumPrinter) flush() {
	if p.w == nil || len(p.buf) == 0 {
		return
	}
	if p.err == nil {
		_, p.err = p.w.Write(p.buf)
	}
	if p.port != nil {
		// buf may be where the port's buffer now holds what was
		// written: take its free space again.
		p.buf = p.port.availableBuffer()
	} else {
		p.buf = p.buf[:0]
	}
}

// isPrintContainer reports whether v holds values that the printer prints,
// and so may be part of a cycle.
func isPrintContainer(v Value) bool {
	switch v.(type) {
	case *Pair, *Vector, *ErrorObject, *MultipleValues, *Record:
		return true
	}
	return false
}

// printChildren appends to dst the printed values inside the container v.
func printChildren(dst []Value, v Value) []Value {
	switch x := v.(type) {
	case *Pair:
		return append(dst, x.Car, x.Cdr)
	case *Vector:
		return append(dst, x.Items...)
	case *ErrorObject:
		return append(dst, x.Irritants...)
	case *MultipleValues:
		return append(dst, x.Vals...)
	case *Record:
		return append(dst, x.Fields...)
	}
	return dst
}

// walkWithinBudget walks v without remembering what it saw and reports
// whether the walk ended before visiting printCycleBudget containers. It
// gives up at once on the common cycles: a list whose cdrs loop (found by
// a slow pointer that follows at half speed) and a path back to v.
func walkWithinBudget(v Value) bool {
	stack := []Value{v}
	n := 0
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		slow := x
		for steps := 0; ; steps++ {
			n++
			if n > printCycleBudget {
				return false
			}
			pr, ok := x.(*Pair)
			if !ok {
				for _, c := range printChildren(nil, x) {
					if isPrintContainer(c) {
						if c == v {
							return false
						}
						stack = append(stack, c)
					}
				}
				break
			}
			if isPrintContainer(pr.Car) {
				if pr.Car == v {
					return false
				}
				stack = append(stack, pr.Car)
			}
			if !isPrintContainer(pr.Cdr) {
				break
			}
			x = pr.Cdr
			if x == v {
				return false
			}
			if steps&1 == 1 {
				slow = slow.(*Pair).Cdr
				if slow == x {
					return false
				}
			}
		}
	}
	return true
}

// findLabels walks v depth first with an explicit stack, following each
// list's cdrs within one frame (a million-element list must not recurse).
// With shared, every container reached twice gets a label; otherwise only
// those reached again while still on the walk's path: the targets of
// cycles.
func findLabels(v Value, shared bool) map[Value]int {
	w := labelWalk{shared: shared, pairs: make(map[*Pair]uint8), others: make(map[Value]uint8), labels: make(map[Value]int)}
	w.visit(v)
	for len(w.stack) > 0 {
		f := &w.stack[len(w.stack)-1]
		if f.cur == nil {
			if f.i == len(f.kids) {
				w.others[f.v] = walkDone
				w.stack = w.stack[:len(w.stack)-1]
				continue
			}
			f.i++
			w.visit(f.kids[f.i-1])
			continue
		}
		switch f.i {
		case 0:
			f.i = 1
			w.visit(f.cur.Car)
			continue
		case 1:
			d, ok := f.cur.Cdr.(*Pair)
			if ok && w.pairs[d] == 0 {
				w.pairs[d] = walkOnPath
				f.cur = d
				f.i = 0
				continue
			}
			f.i = 2
			w.visit(f.cur.Cdr)
			continue
		}
		// The list's spine is walked: all of it leaves the path.
		for p := f.head; ; p = p.Cdr.(*Pair) {
			w.pairs[p] = walkDone
			if p == f.cur {
				break
			}
		}
		w.stack = w.stack[:len(w.stack)-1]
	}
	return w.labels
}

const (
	walkOnPath = 1
	walkDone   = 2
)

// labelWalk is the state of findLabels. Pairs have a map of their own
// because hashing a pointer is much cheaper than hashing an interface.
type labelWalk struct {
	shared bool
	pairs  map[*Pair]uint8
	others map[Value]uint8
	labels map[Value]int
	stack  []labelFrame
}

// labelFrame walks one list (head to cur, i: 0 car next, 1 cdr next, 2
// done) or one other container (v, its kids, i the next kid).
type labelFrame struct {
	head, cur *Pair
	i         int
	v         Value
	kids      []Value
}

// visit looks at a value reached by the walk: a new container is pushed,
// one seen before may need a label.
func (w *labelWalk) visit(c Value) {
	var st uint8
	switch x := c.(type) {
	case *Pair:
		st = w.pairs[x]
		if st == 0 {
			w.pairs[x] = walkOnPath
			w.stack = append(w.stack, labelFrame{head: x, cur: x})
			return
		}
	case *Vector, *ErrorObject, *MultipleValues, *Record:
		st = w.others[c]
		if st == 0 {
			w.others[c] = walkOnPath
			w.stack = append(w.stack, labelFrame{v: c, kids: printChildren(nil, c)})
			return
		}
	default:
		return
	}
	if st == walkOnPath || w.shared {
		w.labels[c] = -1
	}
}

// label writes the label of a labelled object: #n# if it was printed
// already (and reports true: nothing more to print), #n= the first time.
func (p *datumPrinter) label(v Value) bool {
	n, ok := p.labels[v]
	if !ok {
		return false
	}
	p.buf = append(p.buf, '#')
	if n >= 0 {
		p.buf = strconv.AppendInt(p.buf, int64(n), 10)
		p.buf = append(p.buf, '#')
		return true
	}
	p.labels[v] = p.next
	p.buf = strconv.AppendInt(p.buf, int64(p.next), 10)
	p.buf = append(p.buf, '=')
	p.next++
	return false
}

func (p *datumPrinter) print(v Value, depth int) {
	if len(p.buf) >= printFlushSize {
		p.flush()
	}
	if p.err != nil {
		return
	}
	if depth > printMaxDepth {
		p.buf = append(p.buf, "..."...)
		return
	}
	switch x := v.(type) {
	case Fixnum:
		p.buf = strconv.AppendInt(p.buf, x.Int(), 10)
	case *Symbol:
		p.symbol(x.Name)
	case *Pair:
		if p.labels != nil && p.label(x) {
			return
		}
		p.list(x, depth)
	case Boolean:
		if x {
			p.buf = append(p.buf, "#t"...)
		} else {
			p.buf = append(p.buf, "#f"...)
		}
	case *String:
		if p.display {
			p.buf = x.AppendUTF8(p.buf)
		} else {
			p.buf = append(p.buf, '"')
			for _, r := range x.All() {
				p.quotedRune(r, '"')
			}
			p.buf = append(p.buf, '"')
		}
	case Char:
		if p.display {
			p.buf = utf8.AppendRune(p.buf, rune(x))
		} else {
			p.char(rune(x))
		}
	case *nullType:
		p.buf = append(p.buf, "()"...)
	case Flonum:
		p.buf = synAppendFlonum(p.buf, float64(x))
	case *Bignum, *Ratnum, Compnum:
		p.buf = append(p.buf, NumberToString(x, 10)...)
	case *Vector:
		if p.labels != nil && p.label(x) {
			return
		}
		p.buf = append(p.buf, "#("...)
		for i, it := range x.Items {
			if i > 0 {
				p.buf = append(p.buf, ' ')
			}
			p.print(it, depth+1)
		}
		p.buf = append(p.buf, ')')
	case *Bytevector:
		p.buf = append(p.buf, "#u8("...)
		for i, b := range x.B {
			if i > 0 {
				p.buf = append(p.buf, ' ')
			}
			p.buf = strconv.AppendInt(p.buf, int64(b), 10)
		}
		p.buf = append(p.buf, ')')
	case *unspecifiedType:
		p.buf = append(p.buf, "#<unspecified>"...)
	case *eofType:
		p.buf = append(p.buf, "#<eof>"...)
	case *defaultType:
		p.buf = append(p.buf, "#<default>"...)
	case *ErrorObject:
		if p.labels != nil && p.label(x) {
			return
		}
		p.buf = append(p.buf, "#<error "...)
		p.quoted(x.Message, '"')
		for _, irr := range x.Irritants {
			p.buf = append(p.buf, ' ')
			p.print(irr, depth+1)
		}
		p.buf = append(p.buf, '>')
	case *MultipleValues:
		if p.labels != nil && p.label(x) {
			return
		}
		for i, it := range x.Vals {
			if i > 0 {
				p.buf = append(p.buf, ' ')
			}
			p.print(it, depth+1)
		}
	case *Box:
		p.buf = append(p.buf, "#<box>"...)
	case *Promise:
		p.buf = append(p.buf, "#<promise>"...)
	case *Record:
		// With its fields, as Gambit and Chez do: #<point x: 1 y: 2>.
		if p.labels != nil && p.label(x) {
			return
		}
		p.buf = append(p.buf, "#<"...)
		p.buf = append(p.buf, recordTypeName(x.Type)...)
		for i, f := range x.Fields {
			p.buf = append(p.buf, ' ')
			if x.Type != nil && i < len(x.Type.Fields) {
				p.buf = append(p.buf, x.Type.Fields[i].Name...)
				p.buf = append(p.buf, ": "...)
			}
			p.print(f, depth+1)
		}
		p.buf = append(p.buf, '>')
	case *RecordType:
		p.buf = append(p.buf, "#<record-type "...)
		p.buf = append(p.buf, recordTypeName(x)...)
		p.buf = append(p.buf, '>')
	case Opaque:
		p.buf = append(p.buf, x.OpaqueString()...)
	case Procedure:
		p.buf = append(p.buf, "#<procedure"...)
		if name := x.ProcName(); name != "" {
			p.buf = append(p.buf, ' ')
			p.buf = append(p.buf, name...)
		}
		p.buf = append(p.buf, '>')
	case nil:
		p.buf = append(p.buf, "#<nil>"...)
	default:
		p.buf = append(p.buf, fmt.Sprintf("#<%T>", v)...)
	}
}

// recordTypeName strips the conventional angle brackets: a record of type
// <point> prints as #<point>.
func recordTypeName(t *RecordType) string {
	if t == nil {
		return "record"
	}
	n := t.Name
	if len(n) > 2 && n[0] == '<' && n[len(n)-1] == '>' {
		return n[1 : len(n)-1]
	}
	return n
}

// list prints a list iteratively along its cdrs. A labelled pair in the
// cdr position continues the same loop as ". #n=(" and leaves one more
// closing parenthesis for the end.
func (p *datumPrinter) list(x *Pair, depth int) {
	p.buf = append(p.buf, '(')
	closers := 1
	for {
		p.print(x.Car, depth+1)
		d, ok := x.Cdr.(*Pair)
		if !ok {
			if x.Cdr != Null {
				p.buf = append(p.buf, " . "...)
				p.print(x.Cdr, depth+1)
			}
			break
		}
		if p.labels != nil {
			if _, labelled := p.labels[d]; labelled {
				p.buf = append(p.buf, " . "...)
				if p.label(d) {
					break
				}
				p.buf = append(p.buf, '(')
				closers++
				x = d
				continue
			}
		}
		if len(p.buf) >= printFlushSize {
			p.flush()
			if p.err != nil {
				return
			}
		}
		p.buf = append(p.buf, ' ')
		x = d
	}
	for ; closers > 0; closers-- {
		p.buf = append(p.buf, ')')
	}
}

var charNamesByRune = map[rune]string{
	0x00: "null",
	0x07: "alarm",
	0x08: "backspace",
	0x09: "tab",
	0x0a: "newline",
	0x0d: "return",
	0x1b: "escape",
	0x20: "space",
	0x7f: "delete",
}

func (p *datumPrinter) char(r rune) {
	p.buf = append(p.buf, '#', '\\')
	if name, ok := charNamesByRune[r]; ok {
		p.buf = append(p.buf, name...)
		return
	}
	if !utf8.ValidRune(r) || !unicode.IsPrint(r) {
		p.buf = append(p.buf, 'x')
		p.buf = strconv.AppendInt(p.buf, int64(uint32(r)), 16)
		return
	}
	p.buf = utf8.AppendRune(p.buf, r)
}

// quoted writes s between quote characters (" for strings, | for
// symbols), escaping what would not read back.
func (p *datumPrinter) quoted(s string, q byte) {
	p.buf = append(p.buf, q)
	for _, r := range s {
		p.quotedRune(r, q)
	}
	p.buf = append(p.buf, q)
}

// quotedRune writes r as it appears between q quotes.
func (p *datumPrinter) quotedRune(r rune, q byte) {
	switch {
	case r == rune(q) || r == '\\':
		p.buf = append(p.buf, '\\', byte(r))
	case r == '\n':
		p.buf = append(p.buf, '\\', 'n')
	case r == '\t':
		p.buf = append(p.buf, '\\', 't')
	case r == '\r':
		p.buf = append(p.buf, '\\', 'r')
	case r == 7:
		p.buf = append(p.buf, '\\', 'a')
	case r >= 0x20 && r < 0x7f:
		p.buf = append(p.buf, byte(r))
	case isControlRune(r) || !utf8.ValidRune(r) || (q == '|' && !unicode.IsPrint(r)):
		p.buf = append(p.buf, '\\', 'x')
		p.buf = strconv.AppendInt(p.buf, int64(uint32(r)), 16)
		p.buf = append(p.buf, ';')
	default:
		p.buf = utf8.AppendRune(p.buf, r)
	}
}

func isControlRune(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0)
}

func (p *datumPrinter) symbol(name string) {
	if p.display || !SymbolNeedsBars(name) {
		p.buf = append(p.buf, name...)
		return
	}
	p.quoted(name, '|')
}

// SymbolNeedsBars reports whether a symbol with this name must be written
// as |name| to read back as the same symbol: the reader would otherwise
// see a number, a dot, # syntax, or several tokens. A backslash, and a
// name that begins like an infinity or a NaN, are not R7RS identifier
// syntax either, and other readers take them differently.
func SymbolNeedsBars(name string) bool {
	if name == "" || name == "." || name[0] == '#' {
		return true
	}
	for _, r := range name {
		switch r {
		case '(', ')', '[', ']', '{', '}', '"', ';', '|', '\'', '`', ',', '\\':
			return true
		}
		// R7RS 6.13.3: symbols with non-ASCII characters are written
		// between vertical lines.
		if r >= utf8.RuneSelf || !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return true
		}
	}
	c := name[0]
	if (c == '+' || c == '-') && len(name) >= 6 &&
		(strings.EqualFold(name[1:6], "inf.0") || strings.EqualFold(name[1:6], "nan.0")) {
		return true
	}
	if c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.' {
		_, isNum := ParseNumber(name, 10)
		return isNum
	}
	return false
}
