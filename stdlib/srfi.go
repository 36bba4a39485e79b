package stdlib

// srfis are the SRFIs the library implements, each importable as
// (srfi N) once its files are loaded (their definitions are also at the
// top level, like everything in the system environment).
var srfis = []struct {
	number int
	files  []string
}{
	{1, []string{"scheme/srfi-1.scm"}},      // lists (and srfi_1.go)
	{2, []string{"scheme/srfi-2.scm"}},      // and-let*
	{8, []string{"scheme/srfi-8.scm"}},      // receive
	{26, []string{"scheme/srfi-26.scm"}},    // cut, cute
	{27, nil},                               // random bits: srfi_27.go
	{28, nil},                               // format: srfi_28.go
	{69, []string{"scheme/hashtables.scm"}}, // hash tables (and hashtables.go)
	{95, []string{"scheme/srfi-95.scm"}},    // sort, merge (uses srfi-132.scm)
	{132, []string{"scheme/srfi-132.scm"}},  // sorting (and srfi_132.go)
	{133, []string{"scheme/srfi-133.scm"}},  // vectors (and srfi_133.go)
	{158, []string{"scheme/srfi-158.scm"}},  // generators and accumulators
}
