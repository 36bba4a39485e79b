;; A process that dies of an uncaught error reports where, with a short
;; backtrace: a recursion is one line with its count, and the outermost
;; frames are kept. A process linked to it that does not catch its death
;; reports the process and where it failed, then where it noticed.
(define (count-down n)
  (if (= n 0)
      (vector-ref (vector) n)  ; ERROR: linked process #<pid 3> died: vector-ref
      (+ 1 (count-down (- n 1)))))
(define (ping n)
  (if (= n 0) (count-down 2) (list (pong n))))
(define (pong n)
  (list (ping (- n 1))))
(define alone (spawn (lambda () (count-down 9999))))
(define ref (monitor alone))
(display (car (?)))
(newline)
(define (wait-for-go)
  (? ))
(define linked (spawn-link (lambda () (wait-for-go) (ping 12) 'done)))
(! linked 'go)
(wait-for-go)
