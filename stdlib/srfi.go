package stdlib

// srfis are the SRFIs the library implements, each importable as
// (srfi N) once its files are loaded (their definitions are also at the
// top level, like everything in the system environment).
var srfis = []struct {
	number int
	files  []string
}{
	{2, []string{"scheme/srfi-2.scm"}},   // and-let*
	{8, []string{"scheme/srfi-8.scm"}},   // receive
	{26, []string{"scheme/srfi-26.scm"}}, // cut, cute
	{69, nil},                            // hash tables: scheme/hashtables.scm, always loaded
}
