;; Migration: mailbox order, chains of moves, moves that fail, and many
;; processes moving while messages flow.
(define me (self))
(define b (spawn-node))
(define c (spawn-node))

;; Messages queued before and during the move arrive, in order.
(define mover
  (spawn (lambda ()
           (? 5)                        ; go
           (migrate b)
           (let loop ((got '()))
             (let ((m (? 5 'none)))
               (if (eq? m 'end)
                   (! me (reverse got))
                   (loop (cons m got))))))))
(! mover 'go)
(do ((i 0 (+ i 1))) ((= i 50)) (! mover i))
(! mover 'end)
(write (equal? (?) (iota 50))) (newline)

;; A -> B -> C, and back to A: the pid stays the same, and messages follow.
(define traveller
  (spawn (lambda ()
           (let loop ()
             (recv ((from tag ('go node)) (migrate node) (! from (list tag (current-node))))
                   ((from tag 'where) (! from (list tag (current-node))))
                   ((from tag 'self) (! from (list tag (self)))))
             (loop)))))
(write (eq? (!? traveller (list 'go b)) b)) (newline)
(write (eq? (!? traveller (list 'go c)) c)) (newline)
(write (eq? (!? traveller 'where) c)) (newline)
(write (eq? (!? traveller 'self) traveller)) (newline)
(write (eq? (!? traveller (list 'go (current-node))) (current-node))) (newline)
(write (eq? (pid-node traveller) (current-node))) (newline)

;; A move to a node that cannot be reached raises, and the process stays.
(define stayer
  (spawn (lambda ()
           (let ((r (catch (lambda (e) 'refused) (migrate (make-node "127.0.0.1" 1)))))
             (! me (list r (eq? (current-node) (pid-node (self)))))))))
(write (?)) (newline)

;; A process that moved and died is reported like any other.
(define dier (spawn (lambda () (migrate b) (raise 'died-there))))
(define ref (monitor dier))
(recv (('down ,ref ,dier reason) (write reason) (newline)))

;; Links move with the process: one here linked to it raises its death there.
(define linked-mover (spawn (lambda () (? 10) (migrate b) (raise 'failed-there))))
(spawn (lambda ()
         (link linked-mover)
         (! me 'linked)
         (catch (lambda (e) (! me (list 'link-raised e))) (? 20))))
(recv ('linked #t))
(! linked-mover 'go)
(recv (('link-raised e) (write e) (newline)))

;; Many processes move to and fro while messages flow.
(define (bouncer k)
  (spawn (lambda ()
           (let loop ((i 0) (sum 0))
             (if (< i 10)
                 (begin (migrate (if (even? i) b c))
                        (let ((m (? 10)))
                          (loop (+ i 1) (+ sum m))))
                 (! me (list 'sum k sum)))))))
(define bouncers (map bouncer (iota 20)))
(for-each (lambda (p) (do ((i 1 (+ i 1))) ((> i 10)) (! p i))) bouncers)
(define sums (map (lambda (_) (recv (('sum k s) (cons k s)))) bouncers))
(write (equal? (sort sums (lambda (x y) (< (car x) (car y))))
               (map (lambda (k) (cons k 55)) (iota 20))))
(newline)
