;; R7RS-small section 6.2.6: division by zero, and the branch cut of log
;; and angle.
(include "lib/check.scm")

;; "It is an error if any argument of / other than the first is an exact
;; zero": an exact dividend raises; an inexact one makes the division
;; inexact (6.2.2: an operation with an inexact operand may give an
;; inexact result), which is IEEE division.
(check-error 'exact-by-exact-zero (/ 1 0))
(check 'inexact-by-exact-zero (/ 1.0 0) +inf.0)
(check 'negative-inexact-by-exact-zero (/ -1.0 0) -inf.0)
(check 'inexact-zero-by-exact-zero (nan? (/ 0.0 0)) #t)
(check 'later-exact-zero (/ 1 2.0 0) +inf.0)
(check-error 'reciprocal-of-exact-zero (/ 0))
;; An inexact zero divisor is IEEE division.
(check 'by-inexact-zero (/ 1.0 0.0) +inf.0)
(check 'negative-by-inexact-zero (/ -1 0.0) -inf.0)
(check 'zero-by-inexact-zero (nan? (/ 0.0 0.0)) #t)
(check 'reciprocal-of-inexact-zero (/ 0.0) +inf.0)
(check 'reciprocal-of-negative-zero (/ -0.0) -inf.0)

;; "The value of log z is defined to be the one whose imaginary part lies
;; in the range from -pi (inclusive if -0.0 is distinguished, exclusive
;; otherwise) to pi (inclusive)." A real number's imaginary part is exact
;; zero, so a negative real, and -0.0 as well, is on the side of +pi:
;; log z = log |z| + i angle z.
(define pi 3.141592653589793)
(check 'angle-negative (angle -1.0) pi)
(check 'angle-negative-exact (angle -1) pi)
(check 'angle-negative-zero (angle -0.0) pi)
(check 'angle-positive-zero (angle 0.0) 0.0)
(check 'angle-negative-infinity (angle -inf.0) pi)
(check 'angle-exact-zero (angle 0) 0)
(check 'log-negative (log -1.0) (make-rectangular 0.0 pi))
(check 'log-negative-exact (log -1) (make-rectangular 0.0 pi))
(check 'log-negative-zero (log -0.0) (make-rectangular -inf.0 pi))
(check 'log-positive-zero (log 0.0) -inf.0)
;; log z1 z2 is log z1 / log z2: by a real logarithm, part by part.
(check 'log-negative-zero-base-e (log -0.0 (exp 1)) (make-rectangular -inf.0 pi))
(check 'log-negative-base-2 (real-part (log -8 2)) 3.0)
(check 'log-negative-base-2-angle (imag-part (log -1.0 2)) (/ pi (log 2)))
;; exp undoes log on the cut.
(check 'exp-log-negative (real-part (exp (log -2.0))) -2.0)

;; "(inclusive if -0.0 is distinguished)": a complex number whose inexact
;; imaginary part is -0.0 lies on the -pi side of the cut, and one whose
;; imaginary part is an inexact zero is not real (6.2.6: (real?
;; -2.5+0.0i) is #f). Written in rectangular notation or made by
;; make-rectangular, such a number keeps its imaginary part.
(check 'angle-negative-zero-imaginary (angle -1.0-0.0i) (- pi))
(check 'angle-made-negative-zero-imaginary (angle (make-rectangular -1.0 -0.0)) (- pi))
(check 'angle-positive-zero-imaginary (angle -1.0+0.0i) pi)
(check 'not-real-inexact-zero-imaginary (real? -2.5+0.0i) #f)
(check 'real-exact-zero-imaginary (real? -2.5+0i) #t)
(check 'inexact-zero-imaginary-kept (imag-part (make-rectangular 1.0 -0.0)) -0.0)
(check 'inexact-zero-imaginary-equal (= 1.0+0.0i 1) #t)
(check 'inexact-zero-imaginary-zero (zero? 0.0-0.0i) #t)
(check 'log-negative-zero-imaginary (imag-part (log -1.0-0.0i)) (- pi))
