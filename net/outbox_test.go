package net

import (
	"bufio"
	"bytes"
	"testing"

	rt "termite/runtime"
)

// TestOutboxInterleaves checks that a small frame of another sender
// overtakes a large frame, that one of the same sender does not, and that
// the fragments put back together are the frame sent.
func TestOutboxInterleaves(t *testing.T) {
	a, b := &rt.Pid{ID: 1}, &rt.Pid{ID: 2}
	big := makeFrame(frameValue, 0, false, bytes.Repeat([]byte("x"), 3*fragmentSize+10))
	smallA := makeFrame(frameValue, 0, false, []byte("a after big"))
	smallB := makeFrame(frameValue, 0, false, []byte("b"))
	var box outbox
	box.add(outFrame{big, a})
	box.add(outFrame{smallA, a})
	box.add(outFrame{smallB, b})
	var wire bytes.Buffer
	for busy := true; busy; {
		var frames [][]byte
		frames, busy = box.next()
		for _, f := range frames {
			wire.Write(f)
		}
	}
	r := bufio.NewReader(&wire)
	parts := assembler{max: DefaultMaxFrame}
	var got []string
	for {
		typ, payload, err := readFrame(r, DefaultMaxFrame)
		if err != nil {
			break
		}
		if typ == frameFragment {
			var whole bool
			if typ, payload, whole, err = parts.add(payload); err != nil {
				t.Fatal(err)
			}
			if !whole {
				got = append(got, "fragment")
				continue
			}
		}
		if len(payload) > 100 {
			if !bytes.Equal(payload, big[frameHeadSize+1:]) {
				t.Fatalf("the large frame came back changed")
			}
			got = append(got, "big")
		} else {
			got = append(got, string(payload))
		}
	}
	want := []string{"b", "fragment", "fragment", "fragment", "big", "a after big"}
	if len(got) != len(want) {
		t.Fatalf("frames in the order %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("frames in the order %q, want %q", got, want)
		}
	}
}

func TestAssemblerBounds(t *testing.T) {
	parts := assembler{max: 100}
	if _, _, _, err := parts.add(fragmentFrame(1, false, make([]byte, 90))[frameHeadSize+1:]); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := parts.add(fragmentFrame(2, false, make([]byte, 20))[frameHeadSize+1:]); err == nil {
		t.Errorf("fragments past the limit were taken")
	}
}
