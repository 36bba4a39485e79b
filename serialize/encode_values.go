package serialize

import rt "termite/runtime"

// How the entries of data values are written: the parts and write
// functions of their kinds (see kindInfo).

// header writes the start of an entry of kind k with nf fields.
func (e *encoder) header(k kind, nf int) {
	e.w.array(nf + 1)
	e.w.uint(uint64(k))
}

// listParts follows the cdrs here, so that a long list does not go
// through the worklist one pair at a time, and notes the length of the
// run. It writes the run's items while it has them at hand (see
// writeList), as long as what it has written is less than maxRunBytes:
// beyond, growing the buffer would cost more than reading the run again.
func (e *encoder) listParts(n entry) error {
	head := n.obj.(*rt.Pair)
	x, run := head, int32(1)
	at := len(e.w.b)
	write := at < maxRunBytes
	for {
		// Most elements are fixnums, which add has nothing to do for.
		if f, ok := x.Car.(rt.Fixnum); ok {
			if write {
				e.w.int(f.Int())
			}
		} else {
			if err := e.add(x.Car); err != nil {
				return err
			}
			if write {
				e.slot(x.Car)
			}
		}
		next, ok := x.Cdr.(*rt.Pair)
		if !ok {
			if err := e.add(x.Cdr); err != nil {
				return err
			}
			if write {
				e.slot(x.Cdr)
			}
			break
		}
		// meet, written out: as a call it took a tenth of this loop.
		if r, i := e.pairs.locate(next); r.met.mark(i) {
			e.addPair(next) // met before: shared or a cycle
			if write {
				e.slot(next)
			}
			break
		}
		x = next
		run++
		write = write && len(e.w.b) < maxRunBytes
	}
	l := &e.entries[e.pairs.entry(head)]
	l.run, l.at, l.end = run, -1, -1
	if write {
		l.at, l.end = int32(at), int32(len(e.w.b))
	} else {
		e.w.b = e.w.b[:at]
		e.unwritten += int(run)
	}
	return nil
}

// writeList writes the run of pairs from n's that have no entry of their
// own. listParts has mostly written its items, each a value or a
// reference to an entry made by then, unless a pair of the run was found
// again after (split): the run then ends at that pair, which has an entry
// of its own now, and the items are written again.
func (e *encoder) writeList(n *entry) {
	if !e.split && n.at >= 0 {
		e.header(kList, int(n.run)+1)
		e.w.b = append(e.w.b, e.runs[n.at:n.end]...)
		return
	}
	count := n.run
	p := n.obj.(*rt.Pair)
	if e.split {
		// Where the run ends must be looked for: this pair may be one
		// that got an entry after its run was measured.
		count = 1
		for q, ok := p.Cdr.(*rt.Pair); ok && e.pairs.entry(q) < 0; q, ok = q.Cdr.(*rt.Pair) {
			count++
		}
	}
	e.header(kList, int(count)+1)
	for ; count > 1; count-- {
		if f, ok := p.Car.(rt.Fixnum); ok { // as in listParts
			e.w.int(f.Int())
		} else {
			e.slot(p.Car)
		}
		p = p.Cdr.(*rt.Pair)
	}
	e.slot(p.Car)
	e.slot(p.Cdr)
}

func (e *encoder) vectorParts(n entry) error { return e.addAll(n.obj.(*rt.Vector).Items) }

func (e *encoder) writeVector(n *entry) {
	x := n.obj.(*rt.Vector)
	e.header(kVector, len(x.Items))
	e.slots(x.Items)
}

// writeString writes the string as a text string, in UTF-8 (a string that
// holds a surrogate writes U+FFFD in its place). Text is mostly ASCII,
// whose length in bytes is its length in characters: the head says so
// before the text is written, and is made longer after if it was not so.
func (e *encoder) writeString(n *entry) {
	e.header(kString, 1)
	s := n.obj.(*rt.String)
	w := &e.w
	start := len(w.b)
	w.head(majorText, uint64(s.Len()))
	body := len(w.b)
	w.b = s.AppendUTF8(w.b)
	size := len(w.b) - body
	if size == s.Len() {
		return
	}
	h := writer{b: make([]byte, 0, 9)}
	h.head(majorText, uint64(size))
	// UTF-8 is never shorter than the characters, so neither is the head.
	if grow := len(h.b) - (body - start); grow > 0 {
		w.b = append(w.b, h.b[:grow]...)
		copy(w.b[body+grow:], w.b[body:body+size])
	}
	copy(w.b[start:], h.b)
}

func (e *encoder) writeBytevector(n *entry) {
	e.header(kBytevector, 1)
	e.w.bytes(n.obj.(*rt.Bytevector).B)
}

func (e *encoder) writeChar(n *entry) {
	e.header(kChar, 1)
	e.w.uint(uint64(n.obj.(rt.Char)))
}

func (e *encoder) writeSymbol(n *entry) {
	e.header(kSymbol, 1)
	e.w.text(n.obj.(*rt.Symbol).Name)
}

func (e *encoder) writeComplex(n *entry) {
	z := complex128(n.obj.(rt.Compnum))
	e.header(kComplex, 2)
	e.w.float(real(z))
	e.w.float(imag(z))
}

// writeEmpty writes an entry that is its kind alone.
func (e *encoder) writeEmpty(n *entry) { e.header(n.kind, 0) }

func (e *encoder) boxParts(n entry) error { return e.add(n.obj.(*rt.Box).V) }

func (e *encoder) writeBox(n *entry) {
	e.header(kBox, 1)
	e.slot(n.obj.(*rt.Box).V)
}

func (e *encoder) valuesParts(n entry) error { return e.addAll(n.obj.(*rt.MultipleValues).Vals) }

func (e *encoder) writeValues(n *entry) {
	x := n.obj.(*rt.MultipleValues)
	e.header(kValues, len(x.Vals))
	e.slots(x.Vals)
}

func (e *encoder) writeRecordType(n *entry) {
	x := n.obj.(*rt.RecordType)
	e.header(kRecordType, 2+len(x.Fields))
	e.w.text(x.Name)
	e.w.text(x.UID)
	for _, f := range x.Fields {
		e.w.text(f.Name)
	}
}

func (e *encoder) recordParts(n entry) error {
	x := n.obj.(*rt.Record)
	if err := e.add(x.Type); err != nil {
		return err
	}
	return e.addAll(x.Fields)
}

func (e *encoder) writeRecord(n *entry) {
	x := n.obj.(*rt.Record)
	e.header(kRecord, 1+len(x.Fields))
	e.slot(x.Type)
	e.slots(x.Fields)
}

func (e *encoder) promiseParts(n entry) error { return e.add(n.obj.(*rt.Promise).State) }

func (e *encoder) writePromise(n *entry) {
	e.header(kPromise, 1)
	e.refTo(n.obj.(*rt.Promise).State)
}

func (e *encoder) promiseStateParts(n entry) error { return e.add(n.obj.(*rt.PromiseState).Value) }

func (e *encoder) writePromiseState(n *entry) {
	x := n.obj.(*rt.PromiseState)
	e.header(kPromiseState, 2)
	e.w.bool(x.Done)
	e.slot(x.Value)
}

func (e *encoder) errorParts(n entry) error { return e.addAll(n.obj.(*rt.ErrorObject).Irritants) }

func (e *encoder) writeError(n *entry) {
	x := n.obj.(*rt.ErrorObject)
	w := &e.w
	e.header(kError, 6+len(x.Irritants))
	w.text(x.Message)
	w.uint(uint64(x.Kind))
	w.text(x.Hint)
	w.text(x.Pos.File)
	w.int(int64(x.Pos.Line))
	w.int(int64(x.Pos.Col))
	e.slots(x.Irritants)
}

// writeID writes a tag or a pid: by node and id, this interpreter's own
// with the name it has on the wire.
func (e *encoder) writeID(n *entry) {
	var node, at string
	var id uint64
	if t, ok := n.obj.(*rt.Tag); ok {
		node, id = t.Node, t.ID
	} else {
		p := n.obj.(*rt.Pid)
		node, id, at = p.Node, p.ID, p.At
		if p.Proc != nil {
			at = e.ctx.self // it runs here, or ended here
		}
	}
	if node == "" {
		node = e.ctx.self
	}
	if at == "" || at == node {
		e.header(n.kind, 2)
	} else {
		e.header(n.kind, 3)
	}
	e.w.text(node)
	e.w.uint(id)
	if at != "" && at != node {
		// Where a process that moved runs, so that a node that gets its
		// pid from a third reaches it even when the node it was born on
		// is gone.
		e.w.text(at)
	}
}

func (e *encoder) writeSystem(n *entry) {
	e.header(kSystem, 1)
	e.w.text(n.aux.(*rt.Symbol).Name)
}

func (e *encoder) writeNode(n *entry) {
	e.header(kNode, 1)
	e.w.text(n.obj.(*rt.Node).Name())
}

func (e *encoder) hashTableParts(n entry) error { return e.addAll(n.aux.([]rt.Value)) }

func (e *encoder) writeHashTable(n *entry) {
	flat := n.aux.([]rt.Value)
	e.header(kHashTable, 1+len(flat))
	e.w.uint(uint64(n.obj.(*rt.HashTable).Kind))
	e.slots(flat)
}

func (e *encoder) writeProxy(n *entry) {
	e.header(kProxy, 1)
	e.w.bytes(n.aux.([]byte))
}
