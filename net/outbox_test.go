package net

import (
	"bufio"
	"bytes"
	"io"
	"slices"
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
	box.add(outFrame{b: big, sender: a})
	box.add(outFrame{b: smallA, sender: a})
	box.add(outFrame{b: smallB, sender: b})
	want := []string{"b", "fragment", "fragment", "fragment", "big", "a after big"}
	if got := drain(t, &box, big); !slices.Equal(got, want) {
		t.Fatalf("frames in the order %q, want %q", got, want)
	}
}

// TestOutboxBarrier checks that a barrier waits for the large frames of
// every sender queued before it, that its sender's later frames wait for
// it, and that other senders' frames do not.
func TestOutboxBarrier(t *testing.T) {
	a, b := &rt.Pid{ID: 1}, &rt.Pid{ID: 2}
	big := makeFrame(frameValue, 0, false, bytes.Repeat([]byte("x"), 2*fragmentSize+10))
	var box outbox
	box.add(outFrame{b: big, sender: a})
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("barrier")), barrier: true})
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("node after barrier"))})
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("b")), sender: b})
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("a after big")), sender: a})
	want := []string{"b", "fragment", "fragment", "big", "a after big", "barrier", "node after barrier"}
	if got := drain(t, &box, big); !slices.Equal(got, want) {
		t.Fatalf("frames in the order %q, want %q", got, want)
	}
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("barrier alone")), barrier: true})
	if got := drain(t, &box, big); !slices.Equal(got, []string{"barrier alone"}) {
		t.Fatalf("a barrier with nothing to wait for came as %q", got)
	}
}

// TestOutboxBarrierAfterItsSendersFrames checks that a barrier does not
// overtake the frames its own sender queued before it behind a large
// frame: they come in the order queued.
func TestOutboxBarrierAfterItsSendersFrames(t *testing.T) {
	big := makeFrame(frameValue, 0, false, bytes.Repeat([]byte("x"), 2*fragmentSize+10))
	var box outbox
	box.add(outFrame{b: big})
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("after big"))})
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("barrier")), barrier: true})
	box.add(outFrame{b: makeFrame(frameValue, 0, false, []byte("after barrier"))})
	want := []string{"fragment", "fragment", "big", "after big", "barrier", "after barrier"}
	if got := drain(t, &box, big); !slices.Equal(got, want) {
		t.Fatalf("frames in the order %q, want %q", got, want)
	}
}

// drain writes what box holds, then reads it back as the peer would: the
// payloads in order, "big" for big, and "fragment" for each fragment
// before the last.
func drain(t *testing.T, box *outbox, big []byte) []string {
	t.Helper()
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
		typ, payload, err := readFrame(r, DefaultMaxFrame, &parts)
		if err == io.EOF {
			return got
		}
		if err != nil {
			t.Fatal(err)
		}
		if typ == frameFragment {
			got = append(got, "fragment")
			continue
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
}

// fragmentFrame is a whole fragment, head and bytes, in one slice.
func fragmentFrame(id uint32, last bool, chunk []byte) []byte {
	return append(fragmentHead(id, last, len(chunk)), chunk...)
}

func TestAssemblerBounds(t *testing.T) {
	parts := assembler{max: 100}
	read := func(f []byte) error {
		_, _, err := readFrame(bufio.NewReader(bytes.NewReader(f)), 1000, &parts)
		return err
	}
	if err := read(fragmentFrame(1, false, make([]byte, 90))); err != nil {
		t.Fatal(err)
	}
	if err := read(fragmentFrame(2, false, make([]byte, 20))); err == nil {
		t.Errorf("fragments past the limit were taken")
	}
}
