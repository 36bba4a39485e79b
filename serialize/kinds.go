package serialize

import (
	"fmt"

	"termite/eval"
	rt "termite/runtime"
)

// Version is the format version written in every message. Decode refuses
// any other: bump it whenever the layout of FORMAT.md changes.
const Version = 7

// kind is the first element of every entry of the object table.
type kind uint8

// The kinds of table entries; FORMAT.md gives each one's fields, and
// kinds how each is written and read.
const (
	kList         kind = 1
	kVector       kind = 2
	kString       kind = 3
	kBytevector   kind = 4
	kChar         kind = 5
	kSymbol       kind = 6 // uninterned
	kComplex      kind = 7
	kEOF          kind = 8
	kDefault      kind = 9
	kBox          kind = 10
	kValues       kind = 11
	kRecordType   kind = 12
	kRecord       kind = 13
	kPromise      kind = 14
	kPromiseState kind = 15
	kError        kind = 16
	kTag          kind = 17
	kPid          kind = 18
	kSystem       kind = 19
	kProxy        kind = 20
	kEnvironment  kind = 21
	kSource       kind = 22
	kCode         kind = 23
	kCodeRef      kind = 24
	kBoot         kind = 25
	kGlobal       kind = 26
	kClosure      kind = 27
	kCaseLambda   kind = 28
	kParameter    kind = 29
	kRecordProc   kind = 30
	kContinuation kind = 31
	kNode         kind = 32
	kHashTable    kind = 33
	kindCount          = 34
)

// kindInfo is how entries of one kind are written and read. The encoder
// finds an object's kind (encoder.classify), adds the objects its entry
// refers to (parts) and writes the entry (write). The decoder reads the
// table in three passes (see decoder.decode): create makes each entry's
// object, in full when the entry refers to no other (create then reads
// every field) and else as a shell (create reads nothing); link makes the
// objects that need others made first; fill completes the shells. A list
// is made in full by create, its references to entries stored once every
// object is made (see decoder.slotOf).
type kindInfo struct {
	name string
	// The entry's field count, after the kind: at least minFields, at
	// most maxFields (no bound when negative).
	minFields, maxFields int
	// value is true for the kinds of Scheme values, which a slot may
	// refer to; the others are parts of entries (code, global cells,
	// promise states).
	value bool
	// whole is true for the kinds whose create reads every field, one
	// item each (with slotOf), so that the entry needs no skipping over.
	whole bool

	parts func(e *encoder, n entry) error
	write func(e *encoder, n *entry)

	create func(d *decoder, i, nf int) (any, error)
	link   func(d *decoder, i int) error
	fill   func(d *decoder, i int) error
}

// kinds describes every kind, by number. It is made by init: its
// functions refer to it.
var kinds [kindCount]kindInfo

func init() {
	kinds = [kindCount]kindInfo{
		kList: {name: "list", minFields: 2, maxFields: -1, value: true, whole: true,
			parts: (*encoder).listParts, write: (*encoder).writeList,
			create: (*decoder).readList},
		kVector: {name: "vector", maxFields: -1, value: true,
			parts: (*encoder).vectorParts, write: (*encoder).writeVector,
			create: shell(func() any { return &rt.Vector{} }), fill: (*decoder).fillVector},
		kString: {name: "string", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeString, create: (*decoder).readString},
		kBytevector: {name: "bytevector", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeBytevector, create: (*decoder).readBytevector},
		kChar: {name: "character", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeChar, create: (*decoder).readChar},
		kSymbol: {name: "uninterned symbol", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeSymbol, create: (*decoder).readSymbol},
		kComplex: {name: "complex", minFields: 2, maxFields: 2, value: true,
			write: (*encoder).writeComplex, create: (*decoder).readComplex},
		kEOF: {name: "eof object", value: true,
			write: (*encoder).writeEmpty, create: constant(rt.EOF)},
		kDefault: {name: "default object", value: true,
			write: (*encoder).writeEmpty, create: constant(rt.Default)},
		kBox: {name: "box", minFields: 1, maxFields: 1, value: true,
			parts: (*encoder).boxParts, write: (*encoder).writeBox,
			create: shell(func() any { return &rt.Box{} }), fill: (*decoder).fillBox},
		kValues: {name: "multiple values", maxFields: -1, value: true,
			parts: (*encoder).valuesParts, write: (*encoder).writeValues,
			create: shell(func() any { return &rt.MultipleValues{} }), fill: (*decoder).fillValues},
		kRecordType: {name: "record type", minFields: 2, maxFields: -1, value: true,
			write: (*encoder).writeRecordType, create: (*decoder).readRecordType},
		kRecord: {name: "record", minFields: 1, maxFields: -1, value: true,
			parts: (*encoder).recordParts, write: (*encoder).writeRecord,
			create: shell(func() any { return &rt.Record{} }), fill: (*decoder).fillRecord},
		kPromise: {name: "promise", minFields: 1, maxFields: 1, value: true,
			parts: (*encoder).promiseParts, write: (*encoder).writePromise,
			create: shell(func() any { return &rt.Promise{} }), fill: (*decoder).fillPromise},
		kPromiseState: {name: "promise state", minFields: 2, maxFields: 2,
			parts: (*encoder).promiseStateParts, write: (*encoder).writePromiseState,
			create: shell(func() any { return &rt.PromiseState{} }), fill: (*decoder).fillPromiseState},
		kError: {name: "error object", minFields: 6, maxFields: -1, value: true,
			parts: (*encoder).errorParts, write: (*encoder).writeError,
			create: shell(func() any { return &rt.ErrorObject{} }), fill: (*decoder).fillError},
		kTag: {name: "tag", minFields: 2, maxFields: 2, value: true,
			write: (*encoder).writeID, create: (*decoder).readID},
		kPid: {name: "pid", minFields: 2, maxFields: 3, value: true,
			write: (*encoder).writeID, create: (*decoder).readID},
		kSystem: {name: "system value", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeSystem, create: (*decoder).readSystem},
		kProxy: {name: "proxy", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeProxy, create: (*decoder).readProxy},
		kEnvironment: {name: "environment", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeEnvironment, create: (*decoder).readEnvironment},
		kSource: {name: "source", minFields: 2, maxFields: 2, value: true,
			write: (*encoder).writeSource, create: (*decoder).readSource},
		kCode: {name: "code", minFields: 12, maxFields: 12,
			parts: (*encoder).codeParts, write: (*encoder).writeCode,
			create: later, link: (*decoder).linkCode, fill: (*decoder).fillCode},
		kCodeRef: {name: "code by hash", minFields: 1, maxFields: 1,
			write: (*encoder).writeCodeRef, create: (*decoder).readCodeRef},
		kBoot: {name: "boot code", minFields: 1, maxFields: 1,
			write: (*encoder).writeBoot, create: (*decoder).readBoot},
		kGlobal: {name: "global", minFields: 3, maxFields: 4,
			parts: (*encoder).globalParts, write: (*encoder).writeGlobal,
			create: (*decoder).readGlobal, fill: (*decoder).fillGlobal},
		kClosure: {name: "closure", minFields: 1, maxFields: -1, value: true,
			parts: (*encoder).closureParts, write: (*encoder).writeClosure,
			create: shell(func() any { return &eval.Closure{} }), fill: (*decoder).fillClosure},
		kCaseLambda: {name: "case-lambda", minFields: 1, maxFields: -1, value: true,
			parts: (*encoder).caseLambdaParts, write: (*encoder).writeCaseLambda,
			create: shell(func() any { return &eval.CaseLambda{} }), fill: (*decoder).fillCaseLambda},
		kParameter: {name: "parameter", minFields: 2, maxFields: 2, value: true,
			parts: (*encoder).parameterParts, write: (*encoder).writeParameter,
			create: shell(func() any { return &eval.Parameter{} }), fill: (*decoder).fillParameter},
		kRecordProc: {name: "record procedure", minFields: 4, maxFields: -1, value: true,
			parts: (*encoder).recordProcParts, write: (*encoder).writeRecordProc,
			create: later, link: (*decoder).linkRecordProc},
		kContinuation: {name: "continuation", minFields: 6, maxFields: 6, value: true,
			parts: (*encoder).continuationParts, write: (*encoder).writeContinuation,
			create: shell(func() any { return new(eval.Continuation) }), fill: (*decoder).fillContinuation},
		kNode: {name: "node", minFields: 1, maxFields: 1, value: true,
			write: (*encoder).writeNode, create: (*decoder).readNode},
		kHashTable: {name: "hash table", minFields: 1, maxFields: -1, value: true,
			parts: (*encoder).hashTableParts, write: (*encoder).writeHashTable,
			create: shell(func() any { return rt.NewHashTable(rt.TableEqual) }), fill: (*decoder).fillHashTable},
	}
}

// checkFields reports an entry of kind k with nf fields, the wrong count.
func (k kind) checkFields(nf int) error {
	inf := &kinds[k]
	switch {
	case nf < inf.minFields && inf.maxFields < 0:
		return fmt.Errorf("%d fields where a %s entry has at least %d", nf, inf.name, inf.minFields)
	case nf < inf.minFields || (inf.maxFields >= 0 && nf > inf.maxFields):
		if inf.minFields == inf.maxFields {
			return fmt.Errorf("%d fields where a %s entry has %d", nf, inf.name, inf.minFields)
		}
		return fmt.Errorf("%d fields where a %s entry has %d to %d", nf, inf.name, inf.minFields, inf.maxFields)
	}
	return nil
}

// shell makes the creator of a kind whose object fill completes.
func shell(make func() any) func(*decoder, int, int) (any, error) {
	return func(*decoder, int, int) (any, error) { return make(), nil }
}

// constant makes the creator of a kind of one object.
func constant(v any) func(*decoder, int, int) (any, error) {
	return func(*decoder, int, int) (any, error) { return v, nil }
}

// later is the creator of a kind whose object link makes.
func later(*decoder, int, int) (any, error) { return nil, nil }
