package serialize

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"termite/eval"
	rt "termite/runtime"
)

// How the entries of data values are read: the create and fill functions
// of their kinds (see kindInfo).

func (d *decoder) readString(int, int) (any, error) {
	b, err := d.r.contents(majorText, "string")
	if err != nil {
		return nil, err
	}
	if d.takes(b) {
		// ASCII text is its own narrow form: the string keeps it.
		if s, ok := rt.StringOfASCII(b[:len(b):len(b)]); ok {
			return s, nil
		}
	}
	s, ok := rt.NewStringValidUTF8(b) // one look at ASCII text, one copy
	if !ok {
		return nil, fmt.Errorf("string is not valid UTF-8")
	}
	return s, nil
}

func (d *decoder) readBytevector(int, int) (any, error) {
	b, err := d.r.raw(majorBytes, "bytevector")
	if err != nil {
		return nil, err
	}
	if d.takes(b) {
		return &rt.Bytevector{B: b[:len(b):len(b)]}, nil
	}
	return &rt.Bytevector{B: append([]byte(nil), b...)}, nil
}

// takeMin is the least size of an object that keeps its bytes in the
// message (see takes).
const takeMin = 4 << 10

// takes reports whether b, the bytes of a string or bytevector in the
// message, may become that object's own rather than be copied: only if
// the caller gave the message up (DecodeOptions.Owned), and the object is
// large, both in itself and next to the message. The object keeps all of
// the message's memory alive, not just its own bytes: a small string
// kept from a large message would pin far more than it holds. So it must
// be at least takeMin bytes (below that a copy costs little), and at
// least half of the message's capacity (all of which stays alive with
// it): the memory it holds is then at most twice its own, and at most one
// object of a message shares it, since two such halves would not leave
// room for the rest of the message. Its slice is capped by the caller, so
// that nothing it becomes can reach the bytes after it.
func (d *decoder) takes(b []byte) bool {
	return d.opts.Owned && len(b) >= takeMin && 2*len(b) >= cap(d.r.b)
}

func (d *decoder) readChar(int, int) (any, error) {
	c, err := d.r.small("character", utf8.MaxRune)
	if err != nil {
		return nil, err
	}
	if c >= 0xd800 && c <= 0xdfff {
		return nil, fmt.Errorf("character U+%04X is a surrogate", c)
	}
	return rt.Char(c), nil
}

func (d *decoder) readSymbol(int, int) (any, error) {
	name, err := d.r.text("symbol name")
	return &rt.Symbol{Name: name}, err
}

func (d *decoder) readComplex(int, int) (any, error) {
	re, err := d.r.float("real part")
	if err != nil {
		return nil, err
	}
	im, err := d.r.float("imaginary part")
	// As written: -1.0-0.0i stays complex.
	return rt.Compnum(complex(re, im)), err
}

// readID reads a tag or a pid.
func (d *decoder) readID(i, nf int) (any, error) {
	node, err := d.r.text("node")
	if err != nil {
		return nil, err
	}
	id, err := d.r.uint("id")
	if err != nil {
		return nil, err
	}
	if d.kinds[i] == kTag {
		return d.tag(node, id), nil
	}
	var at string
	if nf == 3 {
		if at, err = d.r.text("node where the process runs"); err != nil {
			return nil, err
		}
	}
	return d.pid(node, id, at), nil
}

// tag returns the tag named node and id: the same one each time, and this
// interpreter's own when node is this interpreter.
func (d *decoder) tag(node string, id uint64) *rt.Tag {
	c := d.ctx
	key := idKey{node, id}
	if t := c.tags.get(key); t != nil {
		return t
	}
	t := &rt.Tag{ID: id, Node: node}
	if c.selves[node] {
		t.Node = "" // one of ours that nobody here holds any more
	}
	c.tags.put(key, t)
	return t
}

// pid is tag for pids. A pid of this interpreter that it no longer knows
// is a process that has ended: messages to it are dropped. at, if set,
// is where the sender knew the process to run: a pid met for the first
// time starts from there (a pid known already has its route, which only
// the network layer changes, keeping the order of messages).
func (d *decoder) pid(node string, id uint64, at string) *rt.Pid {
	c := d.ctx
	key := idKey{node, id}
	if p := c.pids.get(key); p != nil {
		if at != "" && at != p.At && !c.selves[at] {
			d.located = append(d.located, location{p, at})
		}
		return p
	}
	p := &rt.Pid{ID: id, Node: node}
	if c.selves[node] {
		p.Node = ""
	}
	if !c.selves[at] {
		p.At = at
	}
	c.pids.put(key, p)
	return p
}

// readRecordType reads a record type and returns the one of this
// interpreter with the same UID (the same definition), if any: records
// then keep their type across nodes.
func (d *decoder) readRecordType(_, nf int) (any, error) {
	r := &d.r
	name, err := r.text("record type name")
	if err != nil {
		return nil, err
	}
	uid, err := r.text("record type uid")
	if err != nil {
		return nil, err
	}
	fields := make([]*rt.Symbol, nf-2)
	for i := range fields {
		f, err := r.raw(majorText, "field name")
		if err != nil {
			return nil, err
		}
		fields[i] = d.intern(f)
		// Accessors find a field by its name.
		if slices.Contains(fields[:i], fields[i]) {
			return nil, fmt.Errorf("record type %s has field %s twice", name, fields[i].Name)
		}
	}
	c := d.ctx
	t := c.rtypes.get(uid)
	if t == nil && !d.scanned {
		d.scanned = true
		d.scanRecordTypes()
		t = c.rtypes.get(uid)
	}
	if t == nil {
		t = &rt.RecordType{Name: name, Fields: fields, UID: uid}
		c.rtypes.put(uid, t)
		return t, nil
	}
	same := t.Name == name && len(t.Fields) == len(fields)
	for i := 0; same && i < len(fields); i++ {
		same = t.Fields[i] == fields[i]
	}
	if !same {
		return nil, fmt.Errorf("record type %s is defined differently here", name)
	}
	return t, nil
}

// scanRecordTypes records the record types that the interpreter's globals
// hold, directly or through their procedures, by UID.
func (d *decoder) scanRecordTypes() {
	for g := range d.ctx.in.GlobalNames() {
		t, ok := g.Value.(*rt.RecordType)
		if !ok {
			p, isProc := eval.RecordProcParts(g.Value)
			t, ok = p.Type, isProc
		}
		if ok && d.ctx.rtypes.get(t.UID) == nil {
			d.ctx.rtypes.put(t.UID, t)
		}
	}
}

func (d *decoder) readSystem(int, int) (any, error) {
	name, err := d.r.text("name")
	if err != nil {
		return nil, err
	}
	sym := d.intern([]byte(name))
	if v, ok := d.ctx.sysValue[sym]; ok {
		return v, nil
	}
	if v, ok := d.wire.SystemValue(sym); ok {
		return v, nil
	}
	return nil, fmt.Errorf("%s is not defined here", name)
}

func (d *decoder) readNode(int, int) (any, error) {
	name, err := d.r.text("node")
	if err != nil {
		return nil, err
	}
	node, ok := rt.NodeNamed(name)
	if !ok {
		return nil, fmt.Errorf("bad node name %q", name)
	}
	return node, nil
}

func (d *decoder) readProxy(int, int) (any, error) {
	desc, err := d.r.raw(majorBytes, "proxy description")
	if err != nil {
		return nil, err
	}
	if d.opts.MakeProxy == nil {
		return nil, fmt.Errorf("a proxy for an object of another node, and no node here to make it")
	}
	v, err := d.opts.MakeProxy(append([]byte(nil), desc...))
	if err == nil && v == nil {
		err = fmt.Errorf("no proxy made")
	}
	return v, err
}

// pairs hands out n pairs from a block: a long list takes one allocation
// per 1024 pairs rather than one per pair, and a short one shares its
// block with the lists after it in the message. A block is no larger than
// that so that a few pairs kept from a long list keep little else alive.
func (d *decoder) pairs(n int) []rt.Pair {
	if len(d.slab) < n {
		// No more than the rest of the message could use: each pair
		// takes a byte of it at least.
		d.slab = make([]rt.Pair, max(n, min(32, len(d.r.b)-d.r.off)))
	}
	ps := d.slab[:n:n]
	d.slab = d.slab[n:]
	return ps
}

// readList makes the whole run of an entry at once: a list is most often
// the bulk of a message.
func (d *decoder) readList(i, nf int) (any, error) {
	var head, p *rt.Pair
	for left := nf - 1; left > 0; {
		ps := d.pairs(min(left, 1024))
		left -= len(ps)
		if p != nil {
			p.Cdr = &ps[0]
		} else {
			head = &ps[0]
		}
		for j := 0; j < len(ps); {
			j += d.r.smallInts(ps[j:]) // most often all of them
			if j < len(ps) {
				if err := d.slotOf(i, &ps[j].Car, true); err != nil {
					return nil, err
				}
				j++
			}
		}
		for j := range len(ps) - 1 {
			ps[j].Cdr = &ps[j+1]
		}
		p = &ps[len(ps)-1]
	}
	return head, d.slotOf(i, &p.Cdr, true)
}

func (d *decoder) fillVector(i int) (err error) {
	d.objs[i].(*rt.Vector).Items, err = d.data(d.nfields[i])
	return err
}

// fillHashTable reads a table's kind and entries; the entries go in once
// every object is filled (fillTables), since a key's hash may depend on
// objects filled after the table.
func (d *decoder) fillHashTable(i int) error {
	kind, err := d.r.small("hash table kind", int(rt.TableString))
	if err != nil {
		return err
	}
	if (d.nfields[i]-1)%2 != 0 {
		return fmt.Errorf("hash table with a key and no value")
	}
	flat, err := d.data(d.nfields[i] - 1)
	if err != nil {
		return err
	}
	t := d.objs[i].(*rt.HashTable)
	t.Kind = rt.HashKind(kind)
	d.tables = append(d.tables, tableEntries{t, flat})
	return nil
}

// tableEntries are the entries of a decoded table, to go in last.
type tableEntries struct {
	t    *rt.HashTable
	flat []rt.Value
}

// fillTables puts the decoded tables' entries in them.
func (d *decoder) fillTables() {
	for _, te := range d.tables {
		for j := 0; j < len(te.flat); j += 2 {
			te.t.Set(te.flat[j], te.flat[j+1])
		}
	}
}

func (d *decoder) fillBox(i int) (err error) {
	d.objs[i].(*rt.Box).V, err = d.datum()
	return err
}

func (d *decoder) fillValues(i int) (err error) {
	d.objs[i].(*rt.MultipleValues).Vals, err = d.data(d.nfields[i])
	return err
}

func (d *decoder) fillRecord(i int) error {
	nf := d.nfields[i]
	rec := d.objs[i].(*rt.Record)
	tv, err := d.value()
	if err != nil {
		return err
	}
	t, ok := tv.(*rt.RecordType)
	if !ok {
		return fmt.Errorf("record of a %s", typeName(tv))
	}
	if len(t.Fields) != nf-1 {
		return fmt.Errorf("record of type %s with %d fields, not %d", t.Name, nf-1, len(t.Fields))
	}
	rec.Type = t
	rec.Fields, err = d.data(nf - 1)
	return err
}

func (d *decoder) fillPromise(i int) error {
	s, err := d.reference(kPromiseState)
	if err != nil {
		return err
	}
	d.objs[i].(*rt.Promise).State = s.(*rt.PromiseState)
	return nil
}

func (d *decoder) fillPromiseState(i int) (err error) {
	s := d.objs[i].(*rt.PromiseState)
	if s.Done, err = d.r.bool("promise state"); err != nil {
		return err
	}
	s.Value, err = d.datum()
	return err
}

func (d *decoder) fillError(i int) error {
	e := d.objs[i].(*rt.ErrorObject)
	r := &d.r
	var err error
	if e.Message, err = r.text("message"); err != nil {
		return err
	}
	k, err := r.small("error kind", int(rt.ReadError))
	if err != nil {
		return err
	}
	e.Kind = rt.ErrorKind(k)
	if e.Hint, err = r.text("hint"); err != nil {
		return err
	}
	if e.Pos.File, err = r.text("file"); err != nil {
		return err
	}
	line, err := r.int("line")
	if err != nil {
		return err
	}
	col, err := r.int("column")
	if err != nil {
		return err
	}
	if line != int64(int32(line)) || col != int64(int32(col)) {
		return fmt.Errorf("position out of range")
	}
	e.Pos.Line, e.Pos.Col = int32(line), int32(col)
	e.Irritants, err = d.data(d.nfields[i] - 6)
	return err
}
