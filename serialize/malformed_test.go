package serialize_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	rt "termite/runtime"
	"termite/serialize"
)

// TestDecodeRefusesMalformed feeds Decode messages that are not
// well-formed CBOR, or that break the bounds any message must keep:
// truncated items, lengths beyond the data or beyond int, indefinite
// lengths, reserved or invalid heads, nesting too deep, arrays too long,
// bytes after the message. Each must be refused with an error object,
// without a panic and without allocating what a forged length asks for.
// The malformed part is put both where the decoder reads item by item and
// in the fields of code the receiver has already, which it only passes
// over: that must check them too.
func TestDecodeRefusesMalformed(t *testing.T) {
	in := newInterp(t)
	ctx := serialize.ContextOf(in)
	v1 := byte(version)
	msg := func(root ...byte) []byte { return append([]byte{0x83, v1, 0x80}, root...) }
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	rep := func(b byte, n int) []byte { return bytes.Repeat([]byte{b}, n) }
	ff8 := rep(0xff, 8)

	// A closure whose code this interpreter has: its code entry's name is
	// passed over, never read, so a message with another name decodes.
	own := encode(t, in, run(t, in, `(define (own-code x) (+ x 1)) own-code`))
	name := []byte("\x68own-code") // the code's name as a text item
	if bytes.Count(own, name) != 1 {
		t.Fatalf("the code's name is not once in %x", own)
	}
	inOwnCode := func(field []byte) []byte { return bytes.Replace(own, name, field, 1) }
	if _, err := ctx.Decode(inOwnCode([]byte("\x65other")), nil); err != nil {
		t.Fatalf("a known code's name is read after all: %v", err)
	}

	goods := [][]byte{
		own,
		encode(t, in, run(t, in, `(list 1 -2 3.5 "s" #\c 'sym (expt 3 100) -5/7 (vector 1 2) (bytevector 1 2))`)),
		encode(t, in, run(t, in, `(define k #f) (define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ 1 (deep (- n 1))))) (deep 3) k`)),
	}
	type test struct {
		name string
		data []byte
		lim  serialize.Limits
	}
	tests := []test{
		// Bytes after the one item a message is.
		{"a byte after the message", cat(goods[1], []byte{0x00}), serialize.Limits{}},
		{"a break after the message", cat(goods[1], []byte{0xff}), serialize.Limits{}},
		{"two messages", cat(goods[1], goods[1]), serialize.Limits{}},
		// Heads that are not well-formed.
		{"additional information 28", msg(0x1c), serialize.Limits{}},
		{"additional information 30", msg(0x3e), serialize.Limits{}},
		{"integer of indefinite length", msg(0x1f), serialize.Limits{}},
		{"tag of indefinite length", msg(0xdf, 0x00), serialize.Limits{}},
		{"break outside an indefinite item", msg(0xff), serialize.Limits{}},
		{"simple value below 32 in two bytes", msg(0xf8, 0x10), serialize.Limits{}},
		{"head cut short", msg(0x1b, 0x00, 0x00), serialize.Limits{}},
		// Indefinite lengths.
		{"indefinite array", msg(0x9f, 0xff), serialize.Limits{}},
		{"indefinite text", msg(0x7f, 0x61, 'a', 0xff), serialize.Limits{}},
		{"indefinite map", msg(0xbf, 0xff), serialize.Limits{}},
		{"indefinite table", []byte{0x83, v1, 0x9f, 0xff, 0xf6}, serialize.Limits{}},
		{"indefinite entry", []byte{0x83, v1, 0x81, 0x9f, 0x01, 0x01, 0xf6, 0xff, 0xd8, 0x1d, 0x00}, serialize.Limits{}},
		// Lengths beyond the data, and beyond int.
		{"text longer than the message", msg(0x7a, 0x7f, 0xff, 0xff, 0xff, 'a'), serialize.Limits{}},
		{"text length over int", msg(cat([]byte{0x7b}, ff8, []byte("a"))...), serialize.Limits{}},
		{"bytevector length over int", cat([]byte{0x83, v1, 0x81, 0x82, 0x04, 0x5b}, ff8, []byte{0xd8, 0x1d, 0x00}), serialize.Limits{}},
		{"table longer than the message", []byte{0x83, v1, 0x9a, 0x7f, 0xff, 0xff, 0xff, 0xf6}, serialize.Limits{}},
		{"table length over int", cat([]byte{0x83, v1, 0x9b}, ff8, []byte{0xf6}), serialize.Limits{}},
		{"list longer than the message", []byte{0x83, v1, 0x81, 0x9a, 0x7f, 0xff, 0xff, 0xff, 0x01, 0x01, 0xf6}, serialize.Limits{}},
		{"list length over int", cat([]byte{0x83, v1, 0x81, 0x9b}, ff8, []byte{0x01, 0x01, 0xf6}), serialize.Limits{}},
		{"vector longer than the message", []byte{0x83, v1, 0x81, 0x9a, 0x00, 0xff, 0xff, 0xff, 0x02, 0xd8, 0x1d, 0x00}, serialize.Limits{}},
		// Tags.
		{"tag without content", msg(0xd8, 0x1d), serialize.Limits{}},
		{"tag number of 64 bits", msg(cat([]byte{0xdb}, ff8, []byte{0x00})...), serialize.Limits{}},
		{"unknown tag", msg(0xd8, 0x63, 0x00), serialize.Limits{}},
		{"tags nested deep", msg(cat(bytes.Repeat([]byte{0xd8, 0x1d}, 40), []byte{0x00})...), serialize.Limits{}},
		// Nesting and array lengths.
		{"arrays nested deep in a vector", cat([]byte{0x83, v1, 0x81, 0x82, 0x02}, rep(0x81, 40), []byte{0x00, 0xd8, 0x1d, 0x00}), serialize.Limits{}},
		{"list over MaxArrayLen", encode(t, in, run(t, in, `(iota 100)`)), serialize.Limits{MaxArrayLen: 50}},
	}
	// The same faults in fields that the decoder passes over.
	for _, f := range []struct {
		name  string
		field []byte
		lim   serialize.Limits
	}{
		{"arrays nested deep", cat(rep(0x81, 40), []byte{0x00}), serialize.Limits{}},
		{"tags nested deep", cat(bytes.Repeat([]byte{0xd8, 0x1d}, 40), []byte{0x00}), serialize.Limits{}},
		{"array over MaxArrayLen", cat([]byte{0x98, 60}, rep(0x00, 60)), serialize.Limits{MaxArrayLen: 50}},
		{"map of 17 pairs", cat([]byte{0xb1}, rep(0x00, 34)), serialize.Limits{}},
		{"indefinite array", []byte{0x9f, 0x00, 0xff}, serialize.Limits{}},
		{"indefinite bytes", []byte{0x5f, 0x41, 0x00, 0xff}, serialize.Limits{}},
		{"additional information 29", []byte{0x1d}, serialize.Limits{}},
		{"integer of indefinite length", []byte{0x3f}, serialize.Limits{}},
		{"break", []byte{0xff}, serialize.Limits{}},
		{"simple value below 32 in two bytes", []byte{0xf8, 0x10}, serialize.Limits{}},
		{"text longer than the message", []byte{0x7a, 0x00, 0xff, 0xff, 0xff}, serialize.Limits{}},
		{"array longer than the message", []byte{0x9a, 0x00, 0xff, 0xff, 0xff}, serialize.Limits{}},
		{"array length over int", cat([]byte{0x9b}, ff8), serialize.Limits{}},
		{"tag without content", []byte{0xd8, 0x1d}, serialize.Limits{}},
	} {
		tests = append(tests, test{"in known code: " + f.name, inOwnCode(f.field), f.lim})
	}
	// Every message cut short.
	for i, good := range goods {
		for n := 1; n < len(good); n++ {
			tests = append(tests, test{fmt.Sprintf("cut: message %d at byte %d", i, n), good[:n], serialize.Limits{}})
		}
	}

	var before, after runtime.MemStats
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime.ReadMemStats(&before)
			v, err := ctx.Decode(tt.data, &serialize.DecodeOptions{Limits: tt.lim})
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("decoded %x to %s", tt.data, rt.WriteString(v))
			}
			if _, ok := err.(*rt.ErrorObject); !ok {
				t.Errorf("error %T is not an error object", err)
			}
			if !strings.HasPrefix(err.Error(), "deserialize: ") || strings.Contains(err.Error(), "internal error") {
				t.Errorf("error %q", err)
			}
			// Whatever a length says, decoding costs about as much as
			// the message: these are at most a few hundred bytes.
			if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
				t.Errorf("decoding %d bytes allocated %d bytes", len(tt.data), n)
			}
		})
	}
}
