package serialize_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"termite/eval"
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

	inOwnCode := knownCode(t, in)
	goods := [][]byte{
		inOwnCode([]byte("\x68own-code")),
		encode(t, in, run(t, in, `(list 1 -2 3.5 "s" #\c 'sym (expt 3 100) -5/7 (vector 1 2) (bytevector 1 2))`)),
		encode(t, in, run(t, in, `(define k #f) (define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ 1 (deep (- n 1))))) (deep 3) k`)),
	}
	type test struct {
		name string
		data []byte
		lim  serialize.Limits
		want string // in the error; "" for any
	}
	tests := []test{
		// Bytes after the one item a message is.
		{"a byte after the message", cat(goods[1], []byte{0x00}), serialize.Limits{}, "extra data after the message"},
		{"a break after the message", cat(goods[1], []byte{0xff}), serialize.Limits{}, "extra data after the message"},
		{"two messages", cat(goods[1], goods[1]), serialize.Limits{}, "extra data after the message"},
		// Heads that are not well-formed.
		{"additional information 28", msg(0x1c), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"additional information 30", msg(0x3e), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"integer of indefinite length", msg(0x1f), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"tag of indefinite length", msg(0xdf, 0x00), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"break outside an indefinite item", msg(0xff), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"simple value below 32 in two bytes", msg(0xf8, 0x10), serialize.Limits{}, "root: unexpected CBOR item (major type 7) at byte 3"},
		{"head cut short", msg(0x1b, 0x00, 0x00), serialize.Limits{}, "root: truncated data"},
		{"one-byte argument missing", msg(0x18), serialize.Limits{}, "root: truncated data"},
		{"two-byte argument cut short", msg(0x19, 0x01), serialize.Limits{}, "root: truncated data"},
		{"two-byte reference cut short", msg(0xd9, 0x00), serialize.Limits{}, "root: truncated data"},
		// Indefinite lengths.
		{"indefinite array", msg(0x9f, 0xff), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"indefinite text", msg(0x7f, 0x61, 'a', 0xff), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"indefinite map", msg(0xbf, 0xff), serialize.Limits{}, "root: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		{"indefinite table", []byte{0x83, v1, 0x9f, 0xff, 0xf6}, serialize.Limits{}, "unsupported CBOR item (indefinite length or reserved) at byte 2"},
		{"indefinite entry", []byte{0x83, v1, 0x81, 0x9f, 0x01, 0x01, 0xf6, 0xff, 0xd8, 0x1d, 0x00}, serialize.Limits{}, "entry 0: unsupported CBOR item (indefinite length or reserved) at byte 3"},
		// Lengths beyond the data, and beyond int.
		{"text longer than the message", msg(0x7a, 0x7f, 0xff, 0xff, 0xff, 'a'), serialize.Limits{}, "root: truncated data"},
		{"text length over int", msg(cat([]byte{0x7b}, ff8, []byte("a"))...), serialize.Limits{}, "root: truncated data"},
		{"bytevector length over int", cat([]byte{0x83, v1, 0x81, 0x82, 0x04, 0x5b}, ff8, []byte{0xd8, 0x1d, 0x00}), serialize.Limits{}, "entry 0: truncated data"},
		{"table longer than the message", []byte{0x83, v1, 0x9a, 0x7f, 0xff, 0xff, 0xff, 0xf6}, serialize.Limits{}, "array of 2147483647 elements at byte 2 is over the limit of 16777216"},
		{"table length over int", cat([]byte{0x83, v1, 0x9b}, ff8, []byte{0xf6}), serialize.Limits{}, "array of 18446744073709551615 elements at byte 2 is over the limit of 16777216"},
		{"list longer than the message", []byte{0x83, v1, 0x81, 0x9a, 0x7f, 0xff, 0xff, 0xff, 0x01, 0x01, 0xf6}, serialize.Limits{}, "entry 0: array of 2147483647 elements at byte 3 is over the limit of 16777216"},
		{"list length over int", cat([]byte{0x83, v1, 0x81, 0x9b}, ff8, []byte{0x01, 0x01, 0xf6}), serialize.Limits{}, "entry 0: array of 18446744073709551615 elements at byte 3 is over the limit of 16777216"},
		{"vector longer than the message", []byte{0x83, v1, 0x81, 0x9a, 0x00, 0xff, 0xff, 0xff, 0x02, 0xd8, 0x1d, 0x00}, serialize.Limits{}, "entry 0: truncated data"},
		// Tags.
		{"tag without content", msg(0xd8, 0x1d), serialize.Limits{}, "root: truncated data"},
		{"tag number of 64 bits", msg(cat([]byte{0xdb}, ff8, []byte{0x00})...), serialize.Limits{}, "root: unknown tag 18446744073709551615 at byte 3"},
		{"unknown tag", msg(0xd8, 0x63, 0x00), serialize.Limits{}, "root: unknown tag 99 at byte 3"},
		{"tags nested deep", msg(cat(bytes.Repeat([]byte{0xd8, 0x1d}, 40), []byte{0x00})...), serialize.Limits{}, "root: expected reference at byte 5"},
		// Nesting and array lengths.
		{"arrays nested deep in a vector", cat([]byte{0x83, v1, 0x81, 0x82, 0x02}, rep(0x81, 40), []byte{0x00, 0xd8, 0x1d, 0x00}), serialize.Limits{}, "entry 0: items nested over the limit of 16 deep at byte 18"},
		{"list over MaxArrayLen", encode(t, in, run(t, in, `(iota 100)`)), serialize.Limits{MaxArrayLen: 50}, "entry 0: array of 102 elements at byte 3 is over the limit of 50"},
	}
	// The same faults in fields that the decoder passes over.
	for _, f := range []struct {
		name  string
		field []byte
		lim   serialize.Limits
		want  string
	}{
		{"arrays nested deep", cat(rep(0x81, 40), []byte{0x00}), serialize.Limits{}, "entry 1: items nested over the limit of 16 deep at byte 62"},
		{"tags nested deep", cat(bytes.Repeat([]byte{0xd8, 0x1d}, 40), []byte{0x00}), serialize.Limits{}, "entry 1: items nested over the limit of 16 deep at byte 75"},
		{"array over MaxArrayLen", cat([]byte{0x98, 60}, rep(0x00, 60)), serialize.Limits{MaxArrayLen: 50}, "entry 1: array of 60 elements at byte 49 is over the limit of 50"},
		{"map of 17 pairs", cat([]byte{0xb1}, rep(0x00, 34)), serialize.Limits{}, "entry 1: unexpected CBOR map at byte 49"},
		{"indefinite array", []byte{0x9f, 0x00, 0xff}, serialize.Limits{}, "entry 1: unsupported CBOR item (indefinite length or reserved) at byte 49"},
		{"indefinite bytes", []byte{0x5f, 0x41, 0x00, 0xff}, serialize.Limits{}, "entry 1: unsupported CBOR item (indefinite length or reserved) at byte 49"},
		{"additional information 29", []byte{0x1d}, serialize.Limits{}, "entry 1: unsupported CBOR item (indefinite length or reserved) at byte 49"},
		{"integer of indefinite length", []byte{0x3f}, serialize.Limits{}, "entry 1: unsupported CBOR item (indefinite length or reserved) at byte 49"},
		{"break", []byte{0xff}, serialize.Limits{}, "entry 1: unsupported CBOR item (indefinite length or reserved) at byte 49"},
		{"simple value below 32 in two bytes", []byte{0xf8, 0x10}, serialize.Limits{}, "entry 1: malformed simple value at byte 49"},
		{"text longer than the message", []byte{0x7a, 0x00, 0xff, 0xff, 0xff}, serialize.Limits{}, "entry 1: truncated data"},
		{"array longer than the message", []byte{0x9a, 0x00, 0xff, 0xff, 0xff}, serialize.Limits{}, "entry 1: truncated data"},
		{"array length over int", cat([]byte{0x9b}, ff8), serialize.Limits{}, "entry 1: array of 18446744073709551615 elements at byte 49 is over the limit of 16777216"},
	} {
		tests = append(tests, test{"in known code: " + f.name, inOwnCode(f.field), f.lim, f.want})
	}
	// Every message cut short.
	for i, good := range goods {
		for n := 1; n < len(good); n++ {
			tests = append(tests, test{fmt.Sprintf("cut: message %d at byte %d", i, n), good[:n], serialize.Limits{}, ""})
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
			if !strings.HasPrefix(err.Error(), "deserialize: ") || !strings.Contains(err.Error(), tt.want) ||
				strings.Contains(err.Error(), "internal error") {
				t.Errorf("error %q, want one containing %q", err, tt.want)
			}
			// Whatever a length says, decoding costs about as much as
			// the message: these are at most a few hundred bytes.
			if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
				t.Errorf("decoding %d bytes allocated %d bytes", len(tt.data), n)
			}
		})
	}
}

// knownCode returns a function that makes a message of a closure whose
// code in has, the code's name replaced by the bytes of field. The
// decoder only passes over that name (it has the code), so the message
// decodes whatever the name, as long as the decoder's checks pass.
func knownCode(t *testing.T, in *eval.Interp) func(field []byte) []byte {
	t.Helper()
	own := encode(t, in, run(t, in, `(define (own-code x) (+ x 1)) own-code`))
	name := []byte("\x68own-code") // the code's name as a text item
	if bytes.Count(own, name) != 1 {
		t.Fatalf("the code's name is not once in %x", own)
	}
	inOwnCode := func(field []byte) []byte { return bytes.Replace(own, name, field, 1) }
	if _, err := serialize.ContextOf(in).Decode(inOwnCode([]byte("\x65other")), nil); err != nil {
		t.Fatalf("a known code's name is read after all: %v", err)
	}
	return inOwnCode
}

// TestDecodeDepthLimit pins MaxDepth: items nested deeper are refused,
// also where the decoder only passes over them, and a limit below what
// the format itself nests (7 deep) counts as that.
func TestDecodeDepthLimit(t *testing.T) {
	in := newInterp(t)
	ctx := serialize.ContextOf(in)
	opts := &serialize.DecodeOptions{Limits: serialize.Limits{MaxDepth: 1}}
	// A bignum in a rational on a continuation's stack is 7 deep.
	k := encode(t, in, run(t, in, `(define k #f)
		(define (deep n) (if (= n 0) (call/cc (lambda (c) (set! k c) 0)) (+ (/ (expt 3 200) (expt 2 100)) (deep (- n 1)))))
		(deep 1)
		k`))
	if _, err := ctx.Decode(k, opts); err != nil {
		t.Errorf("a continuation 7 deep: %v", err)
	}
	// A code entry's fields are 3 deep: 4 arrays make 7, 5 make 8.
	inOwnCode := knownCode(t, in)
	if _, err := ctx.Decode(inOwnCode([]byte{0x81, 0x81, 0x81, 0x81, 0x00}), opts); err != nil {
		t.Errorf("arrays 7 deep: %v", err)
	}
	_, err := ctx.Decode(inOwnCode([]byte{0x81, 0x81, 0x81, 0x81, 0x81, 0x00}), opts)
	if want := "items nested over the limit of 7 deep"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("arrays 8 deep: error %v, want one containing %q", err, want)
	}
}
