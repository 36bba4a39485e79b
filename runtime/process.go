package runtime

import "strconv"

// Pid names a process. Two pids of the same process are the same pointer
// on the node that holds them.
type Pid struct {
	ID   uint64
	Node string // the node the process was created on; "" for this one
	// Proc is the process itself while it lives on this node (owned by
	// the eval package); nil for a process elsewhere.
	Proc interface{}
	// At is the node the process moved to, as last known here, when it
	// has left the node where it was created (or this one); "" otherwise.
	At string
}

// OpaqueString prints the pid.
func (p *Pid) OpaqueString() string {
	if p.Node == "" {
		return "#<pid " + strconv.FormatUint(p.ID, 10) + ">"
	}
	return "#<pid " + strconv.FormatUint(p.ID, 10) + "@" + p.Node + ">"
}

// Tag is a unique value (make-tag, monitor references): equal only to
// itself.
type Tag struct {
	ID   uint64
	Node string
}

// OpaqueString prints the tag.
func (t *Tag) OpaqueString() string {
	return "#<tag " + strconv.FormatUint(t.ID, 10) + ">"
}
