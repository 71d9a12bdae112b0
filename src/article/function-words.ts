// The commonest function words (articles, conjunctions, prepositions, copulas, pronouns) of the
// Latin-script languages a short news text most often comes in, by ISO 639-1 code. Source: the
// top of the word-frequency lists of each language (common knowledge, as in the Snowball stop-word
// lists, https://snowballstem.org/algorithms/), cut to the words a headline or one sentence uses.
// Used only to confirm a trigram guess on a short text: two trigram hits on names are noise, two of
// these words are evidence.
export const FUNCTION_WORDS: Record<string, readonly string[]> = {
  fr: 'le la les des du un une et est que qui dans pour pas sur au aux avec ce cette il elle ils ont sont été par plus son sa ses leur ne se à où mais'.split(' '),
  es: 'el la los las del un una y es que en por para con no se su sus al lo como más pero fue ha han está son muy ya'.split(' '),
  pt: 'o a os as de do da dos das que e é um uma para com não se em no na por mais foi são ao pelo pela seu sua'.split(' '),
  it: 'il la le lo gli di del della che e è un una per con non si sono nel nella al alla da ha anche più dei delle'.split(' '),
  de: 'der die das den dem des und ist nicht ein eine einen mit von zu auf für sich im auch sie er es wird wurde sind hat haben dass nach bei aus'.split(' '),
  nl: 'de het een van en is dat die niet op te zijn met voor er ook aan wordt werd hij zij naar bij om'.split(' '),
  sv: 'och att det som en på är av för med till den har de inte om ett var vi'.split(' '),
  ro: 'și şi în de la cu un o este că pe nu pentru din care se au fost mai sau'.split(' '),
  pl: 'i w z na nie się do to że jest o jak po ale od za są przez dla'.split(' '),
  tr: 've bir bu da de için ile olarak çok daha gibi olan ama en'.split(' '),
  id: 'yang dan di dari ini itu dengan untuk tidak dalam akan pada juga ke'.split(' '),
  hu: 'a az és hogy nem is egy van meg de el ki ez azt volt'.split(' '),
  cs: 'a v se na je že s z do o to i jako ale by pro'.split(' '),
};
