;; A process that moved on stays reachable, in order, once the node it
;; left is gone: the nodes it left tell those that send to it, and those
;; linked to it or monitoring it, where it went.
(define me (self))
(define a (spawn-node))
(define c (spawn-node))
(define end-of-a (remote-spawn a (lambda () (? 30) (exit 0))))

(define (wait-until-at pid node)
  (let loop ((tries 0))
    (cond ((eq? (pid-node pid) node) 'located)
          ((> tries 500) (list 'still-at (pid-node pid)))
          (else (sleep 0.01) (loop (+ tries 1))))))

;; Born on a, moved to c: messages sent here go by a at first.
(define collector
  (remote-spawn a
    (lambda ()
      (let ((boss (?)))
        (migrate c)
        (! boss 'moved)
        (let loop ((got '()))
          (recv ('end (! boss (reverse got)))
                (('big s) (loop (cons (string-length s) got)))
                (n (loop (cons n got)))))))))
(! collector me)
(recv ('moved #t))
;; Large messages among small ones: the small ones sent after a large one
;; must not overtake it when the route changes.
(do ((i 0 (+ i 1))) ((= i 300))
  (! collector (if (= 0 (modulo i 50)) (list 'big (make-string 200000 #\x)) i)))
(write (wait-until-at collector c)) (newline)

;; a ends: the process is still reached, straight at c.
(! end-of-a 'now)
(sleep 0.3)
(! collector 'end)
(write (equal? (? 10 'lost)
               (map (lambda (i) (if (= 0 (modulo i 50)) 200000 i)) (iota 300))))
(newline)

;; A node that only monitors a process hears that it moved, and so hears
;; of the loss of the node it moved to.
(define b (spawn-node))
(define d (spawn-node))
(define watched (remote-spawn b (lambda () (? 10) (migrate d) (! me 'arrived) (? 10) (exit 0))))
(define ref (monitor watched))
(! watched 'go)
(recv ('arrived #t))
(write (wait-until-at watched d)) (newline)
(! watched 'die)
(recv (('down ,ref ,watched reason) (write (equal? reason (list 'node-down d))) (newline)))

;; A process that comes to the node of a process that keeps sending to it
;; gets those messages in order: the ones still on their way by the old
;; route first.
(define w (spawn-node))
(define homing
  (remote-spawn w
    (lambda ()
      (let loop ((got '()))
        (let ((m (?)))
          (cond ((eq? m 'end) (! me (cons (current-node) (reverse got))))
                (else (if (= m 100) (migrate (pid-node me)))
                      (loop (cons m got)))))))))
(do ((i 0 (+ i 1))) ((= i 3000)) (! homing i))
(! homing 'end)
(define got (?))
(write (list (equal? (cdr got) (iota 3000)) (eq? (car got) (current-node))))
(newline)

;; A pid carries where its process runs: a node that gets it from a third
;; reaches the process when the node it was born on is gone.
(define f (spawn-node))
(define g (spawn-node))
(define end-of-f (remote-spawn f (lambda () (? 30) (exit 0))))
(define wanderer
  (remote-spawn f (lambda ()
                    (migrate g)
                    (! me (list 'at-g (self)))
                    (let loop () (recv ((from tag 'hello) (! from (list tag 'hi)))) (loop)))))
(recv (('at-g p) (write (eq? p wanderer)) (newline)))
(write (wait-until-at wanderer g)) (newline)
(! end-of-f 'now)
(sleep 0.3)
(define h (spawn-node))
(write (on h (lambda () (!? wanderer 'hello 5 'lost)))) (newline)
