;; Links and monitors: a linked death is raised at the next receive (at
;; once when blocked in one), a normal exit is not; monitors get
;; (down REF PID REASON).
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))

;; Blocked in a receive when the linked process dies: raised at once.
(show (catch (lambda (e) (list 'caught e))
        (spawn-link (sleep 0.01) (raise 'crash))
        (?)))

;; Not in a receive: raised at the next one.
(show (catch (lambda (e) (list 'caught e))
        (spawn-link (raise 'early))
        (let loop ((i 0)) (if (< i 100000) (loop (+ i 1))))
        (show 'still-running)
        (? 0 'nothing)))

;; link and unlink on running processes.
(define worker (spawn (? ) (raise 'worker-died)))
(link worker)
(unlink worker)
(! worker 'go)
(show (? 0.05 'no-exception))

;; Monitors: normal exit, an error, a process already dead.
(define p1 (spawn 'done))
(define r1 (monitor p1))
(define down1 (?))
(show (car down1) (eq? (cadr down1) r1) (eq? (caddr down1) p1) (cadddr down1))
(define p2 (spawn (raise 'boom)))
(define r2 (monitor p2))
(define down2 (?))
(show (car down2) (eq? (cadr down2) r2) (cadddr down2))
(define r3 (monitor p2))
(define down3 (?))
(show (car down3) (eq? (cadr down3) r3) (cadddr down3))
;; An error object as the reason.
(define p4 (spawn (car 1)))
(monitor p4)
(define down4 (?))
(show (error-object? (cadddr down4)) (error-object-message (cadddr down4)))

;; Tags are unique.
(define t1 (make-tag))
(define t2 (make-tag))
(show (eq? t1 t1) (eq? t1 t2) (equal? t1 t2) (tag? t1) (tag? 'x))
