/**
 * zxcvbn's feedback in Swedish, English in brackets as in Läget's other messages. No Swedish
 * language package of @zxcvbn-ts exists on npm, so the keys of its English package are
 * translated here (@zxcvbn-ts/core's translationKeys lists them).
 */
export const swedishFeedback = {
  warnings: {
    straightRow:
      'Tangenter i rad på tangentbordet är lätta att gissa (straight rows of keys are easy to guess)',
    keyPattern: 'Korta tangentbordsmönster är lätta att gissa (short keyboard patterns are easy to guess)',
    simpleRepeat: 'Upprepade tecken som "aaa" är lätta att gissa (repeated characters are easy to guess)',
    extendedRepeat:
      'Upprepade teckenföljder som "abcabcabc" är lätta att gissa (repeated patterns are easy to guess)',
    sequences: 'Vanliga följder som "abc" är lätta att gissa (common sequences are easy to guess)',
    recentYears: 'Årtal från senare år är lätta att gissa (recent years are easy to guess)',
    dates: 'Datum är lätta att gissa (dates are easy to guess)',
    topTen: 'Detta är ett av de mest använda lösenorden (a very heavily used password)',
    topHundred: 'Detta är ett mycket vanligt lösenord (a frequently used password)',
    common: 'Detta är ett vanligt lösenord (a commonly used password)',
    similarToCommon: 'Detta liknar ett vanligt lösenord (similar to a commonly used password)',
    wordByItself: 'Ett enstaka ord är lätt att gissa (single words are easy to guess)',
    namesByThemselves: 'Namn och efternamn för sig är lätta att gissa (names on their own are easy to guess)',
    commonNames: 'Vanliga namn och efternamn är lätta att gissa (common names are easy to guess)',
    userInputs: 'Lösenordet får inte bygga på dina egna uppgifter (no personal data in the password)',
    pwned: 'Lösenordet har läckt i ett dataintrång på internet (exposed in a data breach)',
  },
  suggestions: {
    l33t: 'Undvik förutsägbara utbyten som "@" för "a" (avoid predictable substitutions)',
    reverseWords: 'Undvik baklänges stavade vanliga ord (avoid reversed common words)',
    allUppercase: 'Skriv vissa, inte alla, bokstäver med versaler (capitalise some, not all letters)',
    capitalization: 'Skriv fler bokstäver än den första med versal (capitalise more than the first letter)',
    dates: 'Undvik datum och år som hör ihop med dig (avoid dates and years associated with you)',
    recentYears: 'Undvik senare årtal (avoid recent years)',
    associatedYears: 'Undvik år som hör ihop med dig (avoid years associated with you)',
    sequences: 'Undvik vanliga teckenföljder (avoid common character sequences)',
    repeated: 'Undvik upprepade ord och tecken (avoid repeated words and characters)',
    longerKeyboardPattern:
      'Använd längre tangentbordsmönster och byt riktning flera gånger (longer keyboard patterns, changing direction)',
    anotherWord: 'Lägg till fler ord som är mindre vanliga (add more words that are less common)',
    useWords: 'Använd flera ord, men undvik vanliga fraser (use multiple words, avoid common phrases)',
    noNeed:
      'Du kan skapa starka lösenord utan symboler, siffror eller versaler (no symbols or digits needed)',
    pwned: 'Byt detta lösenord överallt där du använder det (change it wherever you use it)',
  },
  timeEstimation: {
    ltSecond: 'mindre än en sekund',
    second: '{base} sekund',
    seconds: '{base} sekunder',
    minute: '{base} minut',
    minutes: '{base} minuter',
    hour: '{base} timme',
    hours: '{base} timmar',
    day: '{base} dag',
    days: '{base} dagar',
    month: '{base} månad',
    months: '{base} månader',
    year: '{base} år',
    years: '{base} år',
    centuries: 'århundraden',
  },
};
