package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// profiled runs f, writing a CPU profile of the run to the file
// $TERMITE_CPUPROFILE names, if any: how default.pgo is made (make pgo),
// and how to see where a program's time goes.
func profiled(f func() int) int {
	path := os.Getenv("TERMITE_CPUPROFILE")
	if path == "" {
		return f()
	}
	out, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(out)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "termite: TERMITE_CPUPROFILE: %v\n", err)
		return exitUsage
	}
	code := f()
	pprof.StopCPUProfile()
	if err := out.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "termite: TERMITE_CPUPROFILE: %v\n", err)
	}
	return code
}
