package stdlib

import (
	"fmt"
	goruntime "runtime"
	"strings"
	"syscall"
	"time"

	rt "termite/runtime"
)

// The Go side of the everyday tools of scheme/tools.scm: pretty-print's
// layout, and time's measures.
func init() {
	register(
		prim("%pretty-string", 1, 1, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				return rt.NewString(rt.PrettyString(a[0], prettyWidth)), nil
			}
		}),
		prim("%time-start", 0, 0, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				return takeMeasures(), nil
			}
		}),
		prim("%time-report", 2, 2, func(w who) fn {
			return func(a []rt.Value) (rt.Value, error) {
				start, ok := a[1].(*measures)
				if !ok {
					return nil, w.typeError("measures of %time-start", a[1])
				}
				return rt.NewString(timeReport(a[0], start, takeMeasures())), nil
			}
		}),
	)
}

// prettyWidth is the line width of pretty-print: one less than a
// terminal's 80 columns, so that a full line never wraps.
const prettyWidth = 79

// measures are what time compares before and after the evaluation.
type measures struct {
	real        time.Time
	user, sys   time.Duration
	collections uint32
	gcPause     time.Duration
	allocated   uint64
}

func (*measures) OpaqueString() string { return "#<time-measures>" }

func takeMeasures() *measures {
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	m := &measures{
		collections: ms.NumGC,
		gcPause:     time.Duration(ms.PauseTotalNs),
		allocated:   ms.TotalAlloc,
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		m.user = time.Duration(ru.Utime.Nano())
		m.sys = time.Duration(ru.Stime.Nano())
	}
	m.real = time.Now()
	return m
}

// timeReport is time's report, as Gambit writes it:
//
//	(time (fib 25))
//	    0.123 secs real time
//	    0.120 secs cpu time (0.110 user, 0.010 system)
//	    2 collections accounting for 0.001 secs real time
//	    1234567 bytes allocated
//
// The cpu time, the collections and the allocation are the whole
// program's, other processes' included, over that time.
func timeReport(expr rt.Value, a, b *measures) string {
	secs := func(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }
	var s strings.Builder
	fmt.Fprintf(&s, "%s\n", rt.WriteString(expr))
	fmt.Fprintf(&s, "    %s secs real time\n", secs(b.real.Sub(a.real)))
	user, sys := b.user-a.user, b.sys-a.sys
	fmt.Fprintf(&s, "    %s secs cpu time (%s user, %s system)\n", secs(user+sys), secs(user), secs(sys))
	switch n := b.collections - a.collections; n {
	case 0:
		s.WriteString("    no collections\n")
	case 1:
		fmt.Fprintf(&s, "    1 collection accounting for %s secs real time\n", secs(b.gcPause-a.gcPause))
	default:
		fmt.Fprintf(&s, "    %d collections accounting for %s secs real time\n", n, secs(b.gcPause-a.gcPause))
	}
	fmt.Fprintf(&s, "    %d bytes allocated\n", b.allocated-a.allocated)
	return s.String()
}
