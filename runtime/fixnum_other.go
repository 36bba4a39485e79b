//go:build !unix

package runtime

// reserveFixnums reserves nothing where there is no mmap: the fixnums
// take the fallback range.
func reserveFixnums() []byte { return nil }
