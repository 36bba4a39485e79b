;; A process that moves to another node inside the predicate of ?? takes
;; its scan along: there the scan asks again from the first message (an
;; index into the mailbox it left means nothing), and takes the message
;; wanted out of the mailbox that came with the process.
(define me (self))
(define b (spawn-node))
(define (drain) (let loop ((l '())) (let ((m (? 0 'empty))) (if (eq? m 'empty) (reverse l) (loop (cons m l))))))
(define mover
  (spawn (lambda ()
           (let* ((asked '())
                  (got (?? (lambda (m)
                             (let ((first (null? asked)))
                               (set! asked (cons m asked))
                               (if first (migrate b)))
                             (and (pair? m) (eq? (car m) 'want))))))
             (! me (list got (eq? (current-node) b) (reverse asked) (drain)))))))
(for-each (lambda (m) (! mover m)) '(1 2 (want 3) 4))
(write (?)) (newline)
