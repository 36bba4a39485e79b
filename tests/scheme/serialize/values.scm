;; serialize and deserialize (and Gambit's object->u8vector and
;; u8vector->object): a copy of every kind of value, equal? to the original.

(define (show . xs) (for-each display xs) (newline))
(define (copy x) (deserialize (serialize x)))
(define (check x)
  (let ((c (copy x)))
    (write c)
    (display (if (equal? c x) "" "  <- NOT EQUAL"))
    (newline)))

(for-each check
  (list '() #t #f 0 42 -7 (expt 2 100) (- (expt 3 50)) 1/3 -22/7
        3.25 -0.0 1e300 +inf.0 -inf.0 1+2i
        #\a #\x3bb #\space "" "héllo, 𝄞" 'sym '|two words|
        '(1 (2 . 3) #(4 5)) (vector) (bytevector 0 1 255)))

(show (eof-object? (copy (eof-object))))
(show (nan? (copy +nan.0)))
(show (u8vector->object (object->u8vector '(gambit names))))

;; The encoding is compact: a list of 1000 small integers.
(show (bytevector-length (serialize (iota 1000 1))) " bytes")
(show (bytevector-length (serialize '())) " bytes for the empty list")

;; Records keep their type.
(define-record-type point (make-point x y) point? (x point-x set-point-x!) (y point-y))
(define p (copy (make-point 1 2)))
(show (point? p) " " (point-x p) " " (point-y p))
(set-point-x! p 10)
(show (point-x p))

;; Error objects.
(define e (copy (guard (c (#t c)) (error "boom:" 1 'two "three"))))
(show (error-object? e) " " (error-object-message e) " " (error-object-irritants e))

;; Promises, forced or not.
(define pr (copy (delay (begin (show "forcing") 5))))
(show (force pr) " " (force pr))
(define done (delay 7))
(force done)
(show (force (copy done)))
