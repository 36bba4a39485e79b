//go:build unix

package runtime

import (
	"syscall"
	"unsafe"
)

// reserveFixnums reserves the stretch of address space whose addresses
// are the fixnums (see Fixnum): inaccessible and backed by nothing, so it
// costs neither memory nor swap. The largest that the machine grants is
// taken; nil means none was.
func reserveFixnums() []byte {
	if unsafe.Sizeof(uintptr(0)) < 8 {
		return nil
	}
	for _, bits := range []uint{40, 32, 24} {
		b, err := syscall.Mmap(-1, 0, 1<<bits, syscall.PROT_NONE,
			syscall.MAP_PRIVATE|syscall.MAP_ANON|syscall.MAP_NORESERVE)
		if err == nil {
			return b
		}
	}
	return nil
}
