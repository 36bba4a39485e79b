;; Remote procedure calls: a server answers (FROM TAG REQUEST) with
;; (TAG RESULT). Run with: bin/termite examples/rpc.scm

(define (operation name)
  (case name
    ((add) +)
    ((mul) *)
    (else (lambda args (list 'unknown-operation name)))))

(define rpc-server
  (spawn
   (let loop ()
     (recv
      ((from tag (op . args))
       (where (symbol? op))
       (! from (list tag (apply (operation op) args)))))
     (loop))))

;; By hand: a fresh tag tells our reply from any other message.
(let ((tag (make-tag)))
  (! rpc-server (list (self) tag '(add 1 2)))
  (recv ((,tag result) (println "by hand: " result))))

;; !? does the same: it makes the tag, sends, and waits for the reply.
(println "with !?: " (!? rpc-server '(mul 6 7)))
(println "unknown: " (!? rpc-server '(sub 5 3)))

;; With a timeout and a default: a request that gets no answer.
(println "timed out: " (!? rpc-server "not a request" 0.1 'no-answer))

;; A process as a mutable cell: its state is the argument of its loop.
(define (make-cell content)
  (spawn
   (let loop ((content content))
     (recv
      ((from tag 'get)
       (! from (list tag content))
       (loop content))
      (('set! new-content)
       (loop new-content))))))

(define (cell-get cell) (!? cell 'get))
(define (cell-set! cell value) (! cell (list 'set! value)))

(define c (make-cell 0))
(println "cell: " (cell-get c))
(cell-set! c 42)
(println "cell: " (cell-get c))
(cell-set! c '(a b))
(println "cell: " (cell-get c))
