;; ?? with predicates of every kind: primitives and closures, predicates
;; that raise, receive, send to themselves or capture continuations;
;; timeouts, waiting, linked deaths, and long scans, which other
;; processes and kill must still get through.
(define me (self))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define (send-all . ms) (for-each (lambda (m) (! me m)) ms))
(define (drain) (let loop ((l '())) (let ((m (? 0 'empty))) (if (eq? m 'empty) (reverse l) (loop (cons m l))))))
(define (spin n) (let loop ((i 0)) (if (< i n) (loop (+ i 1)))))

;; Primitive and closure predicates take the first message they accept
;; and leave the others in order.
(send-all 1 'a "s" 2 '(p) 'b)
(show (?? symbol?) (?? (lambda (m) (and (number? m) (> m 1)))) (?? pair?) (drain))

;; A predicate that raises: the error goes out of ??, the message stays.
(send-all 1 'x 2)
(show (catch (lambda (e) (list 'caught e)) (?? (lambda (m) (if (symbol? m) (raise (list 'bad m)) #f)))))
(show (catch error-object-message (?? car)))
(show (catch error-object-message (?? cons)))
(show (catch error-object-message (?? 5)))
(show (drain))

;; A predicate that receives: messages left the mailbox under the scan,
;; which starts over from the first one left, asking again. No message
;; is received twice.
(send-all 'a 'b 'c)
(define first-time #t)
(show (?? (lambda (m)
            (when first-time (set! first-time #f) (show 'inner-took (?)))
            (eq? m 'a))
          0 'none)
      (drain))
(send-all 1 'k 2 'j 3)
(show (?? (lambda (m) (if (symbol? m) (begin (?? symbol? 0 #f) #f) (> m 1)))) (drain))

;; A predicate that sends to its own process: the scan goes on to what it
;; sent.
(send-all 1 2)
(show (?? (lambda (m) (if (number? m) (begin (! me (list 'seen m)) #f) #t))) (drain))

;; A continuation captured inside the predicate answers for the message
;; it was captured at: called from the predicate's call on c, it accepts b.
(send-all 'a 'b 'c 'd)
(define k #f)
(show (?? (lambda (m)
            (case m
              ((b) (call/cc (lambda (c) (set! k c) #f)))
              ((c) (k #t))
              (else #f))))
      (drain))

;; Called again once ?? has returned, the scan starts over: its message
;; has left the mailbox since.
(send-all 'x 'y)
(define again #f)
(define passes 0)
(define got (?? (lambda (m) (if (eq? m 'x) (call/cc (lambda (c) (set! again c) #f)) #t)) 0 'none))
(set! passes (+ passes 1))
(show passes got)
(if (= passes 1) (again #t))
(show 'after (drain))

;; Timeouts: the default, or timeout raised.
(send-all 1 2)
(show (?? symbol? 0 'none) (?? symbol? 0.01 'none) (catch (lambda (e) (list 'raised e)) (?? symbol? 0.01)) (drain))

;; Waiting: messages that come are asked about as they come.
(spawn (lambda () (! me 1) (sleep 0.01) (! me 2) (sleep 0.01) (! me 'late)))
(show (?? symbol?) (drain))
;; ... until the timeout, however many come that the predicate refuses.
(spawn (lambda () (do ((i 0 (+ i 1))) ((= i 5)) (! me i) (sleep 0.001)) (! me "done")))
(show (?? symbol? 0.05 'none))
(show (?? string?) (drain))

;; A linked process's death is raised in ??: when it begins, while it
;; waits, and between two messages.
(define (linked-death body)
  (spawn (lambda ()
           (! me (catch (lambda (e) (list 'raised e (drain)))
                        (body))))))
(linked-death (lambda ()
                (link (spawn (lambda () (raise 'before))))
                (spin 100000) ; the linked process dies meanwhile
                (?? symbol? 0 'none)))
(show (?? pair?))
(linked-death (lambda ()
                (link (spawn (lambda () (sleep 0.01) (raise 'while-waiting))))
                (?? symbol?)))
(show (?? pair?))
(linked-death (lambda ()
                (! (self) 1)
                (! (self) 2)
                (link (spawn (lambda () (raise 'mid-scan))))
                (?? (lambda (m) (spin 100000) #f))))
(show (?? pair?))

;; A long scan yields, with a primitive predicate as with a closure: a
;; process that counts gets many turns during one scan of 50,000
;; messages.
(define ticks 0)
(define ticker (spawn (lambda () (let loop () (set! ticks (+ ticks 1)) (loop)))))
(do ((i 0 (+ i 1))) ((= i 50000)) (! me i))
(define before ticks)
(show (?? null? 0 'none) (> (- ticks before) 10000))
(set! before ticks)
(show (?? (lambda (m) (null? m)) 0 'none) (> (- ticks before) 10000))
(kill ticker)
(show (length (drain)))

;; kill reaches a process in a scan that never ends: its predicate sends
;; each message back to it.
(define scanner
  (spawn (lambda ()
           (let ((told #f))
             (! (self) 'go)
             (?? (lambda (m)
                   (unless told (set! told #t) (! me 'scanning))
                   (! (self) m)
                   #f))))))
(define ref (monitor scanner))
(recv ('scanning 'ok))
(kill scanner)
(recv (('down ,ref ,scanner reason) (show 'killed-while-scanning reason)))

;; A predicate that only applies a primitive to the message is run as
;; that primitive: the same answers and errors, and a new value of the
;; primitive's variable is seen.
(send-all 1 '(a) 2)
(show (?? (lambda (m) (pair? m))) (drain))
(send-all 1 2)
(show (catch error-object-message (?? (lambda (m) (car m)))) (drain))
(define (number-only? m) (number? m))
(send-all 'x 3)
(show (?? number-only?) (drain))
(set! number? symbol?)
(send-all 3 'y)
(show (?? number-only?) (drain))
