package runtime

// RecordType is the type made by define-record-type.
type RecordType struct {
	Name   string
	Fields []*Symbol
	// UID identifies the type across nodes: it is derived from the code
	// that defined the type, so the same definition gives the same UID.
	UID string
}

// Record is an instance of a RecordType.
type Record struct {
	Type   *RecordType
	Fields []Value
}
