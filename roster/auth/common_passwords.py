"""Very common passwords, refused whatever their length (lower case; issue 7 extends the list)."""

# Drawn from published leak statistics, in English, French and Spanish. Short entries still
# matter: a long password is compared with its base word once trailing digits and symbols
# are stripped ("password2024!" -> "password").
_WORDS = """
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang
1234567890 michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer
trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger
sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel starwars klaster 112233
george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777
pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole
chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix
william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer silver
222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange
11111 golfer cookie richard samantha bigdog guitar jackson whatever mickey chicken sparky
snoopy maverick phoenix camaro peanut morgan welcome falcon cowboy ferrari samsung andrea
smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider nascar
monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple
hardcore banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london
tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 brandon yamaha chester
mother forever johnny edward 333333 oliver redsox player nikita knight fender barney
midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy rabbit
wizard jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine
winter prince panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888
marlboro gandalf asdfasdf crystal 87654321 12344321 golf heaven peaches scorpion
qwerty123 password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword
admin admin123 administrator root toor changeme default guest login user 1q2w3e4r5t
1q2w3e4r5t6y 1qaz2wsx3edc zaq12wsx zaq1zaq1 qazwsxedc qwertyui asdfghjkl zxcvbnm123
1234567891 12345678910 0987654321 9876543210 1111111111 0000000000 123456789a a123456789
abcd1234 abcdefgh abcdefghij abc123456 qwerty12345 qwerty123456 123qweasd 123qweasdzxc
1qazxsw2 1qazxsw23edc q1w2e3r4t5y6 qwertyuiop123 asdf1234 zxcv1234 iloveyou1 iloveyou2
letmein1 welcome1 welcome123 sunshine1 princess1 football1 baseball1 monkey1 dragon1
superman1 batman1 trustno1234 master123 hello123 hello1234 test123 test1234 testing
testing123 demo demo1234 secret123 mypassword mypass password! password1! passwordpassword
azerty azertyuiop azerty123 azertyuiop123 motdepasse motdepasse1 motdepasse123 bonjour
soleil doudou chouchou loulou marseille nicolas julien camille bienvenue jetaime
jetaime123 coucou chocolat vacances liberte amour toulouse paris france pompier
contrasena contraseña contrasena123 micontrasena hola holamundo teamo teamo123 amor
amorcito mariposa tequiero corazon barcelona madrid realmadrid espana mexico argentina
colombia chile1234 carolina alejandro daniela fernanda gabriela valentina sebastian
migration roster expert experts migrants europe european brussels bruxelles
correcthorsebatterystaple letmeinplease iloveyou123
loveyou lovely babygirl flowers blessed jesus jesuschrist christ faith god godisgood
trinity freedom1 liverpool manchester manutd juventus barcelona1 chelsea1 arsenal1
pokemon minecraft fortnite roblox naruto superstar starwars1 princess123 sweety
sweetheart angel1 angels butterfly unicorn rainbow sunflower moonlight starlight
qwerty1 qwerty12 qwerty1234 asdfgh123 zaq123 1q2w3e 1q2w3e4r5 q1w2e3 a1b2c3 a1b2c3d4
aa123456 aaa111 abc12345 abcabc abcdef 123abc 1a2b3c 11223344 1122334455 12121212
123123a 1234abcd 147258 147258369 159357 159753456 741852963 789456 789456123 963852741
qweasd qweasdzxc qweqwe qwe123 asd123 zxc123 102030 10203040 1234554321 5201314
112233445566 123456123456 12345612345 121212121 13579 135792468 2468 24682468 abcdefg
changeme1 changeme123 letmein123 welcome12 welcome2024 summer2024 winter2024 spring2024
autumn2024 password2024 password2025 password2026 office365 microsoft windows linux apple
google facebook twitter instagram linkedin yahoo hotmail gmail outlook internet1 computer1
"""

COMMON_PASSWORDS: frozenset[str] = frozenset(_WORDS.split())
