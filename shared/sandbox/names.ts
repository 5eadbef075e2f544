/**
 * Name pools for the sandbox: common US given names and surnames of many origins (English, Irish,
 * Scottish, German, Italian, Polish, Hispanic, African American, Vietnamese, Chinese, Korean, Indian,
 * Filipino, Arabic, Nigerian, Somali, Ukrainian, Greek …), including the apostrophes, hyphens, spaces
 * and diacritics real rosters carry, so search, sorting, exports and the 834 writer meet them early.
 */
const list = (text: string): readonly string[] => Object.freeze(text.split(',').map((s) => s.trim()).filter((s) => s.length > 0));

export const femaleFirstNames = list(`
Mary, Patricia, Jennifer, Linda, Elizabeth, Barbara, Susan, Jessica, Sarah, Karen, Lisa, Nancy, Betty, Sandra, Margaret,
Ashley, Kimberly, Emily, Donna, Michelle, Carol, Amanda, Melissa, Deborah, Stephanie, Dorothy, Rebecca, Sharon, Laura,
Cynthia, Amy, Kathleen, Angela, Shirley, Brenda, Emma, Anna, Pamela, Nicole, Samantha, Katherine, Christine, Helen,
Debra, Rachel, Carolyn, Janet, Maria, Catherine, Heather, Diane, Olivia, Julie, Joyce, Victoria, Ruth, Virginia, Lauren,
Kelly, Christina, Joan, Evelyn, Judith, Andrea, Hannah, Megan, Cheryl, Jacqueline, Martha, Madison, Teresa, Gloria,
Sara, Janice, Ann, Kathryn, Abigail, Sophia, Frances, Jean, Alice, Judy, Isabella, Julia, Grace, Amber, Denise, Danielle,
Marilyn, Beverly, Charlotte, Natalie, Theresa, Diana, Brittany, Doris, Kayla, Alexis, Lori, Marie, Ava, Mia, Harper,
Aaliyah, Imani, Keisha, Latoya, Tamika, Ebony, Jasmine, Destiny, Aisha, Nia, Zuri, Precious, Shanice,
María, Sofía, Lucía, Valentina, Camila, Ximena, Guadalupe, Rosa, Carmen, Alejandra, Yesenia, Marisol, Inés, Daniela,
Mai, Linh, Thảo, Ngọc, Huong, Anh, Trang, Mei, Xiu, Ying, Li, Jia, Min-jung, Ji-woo, Seo-yeon, Eun-ji,
Priya, Ananya, Lakshmi, Deepa, Kavya, Aarti, Shreya, Neha, Fatima, Layla, Noor, Yasmin, Mariam, Amira, Hana,
Chiamaka, Ngozi, Adaeze, Folake, Amina, Hodan, Fartun, Siobhán, Aoife, Niamh, Saoirse, Zoë, Chloé, Renée, Noémie,
Ingrid, Astrid, Greta, Oksana, Olena, Natalia, Agnieszka, Katarzyna, Eleni, Sophie, Giulia, Francesca, Rosalind,
Mary-Kate, Anne-Marie, Leilani, Malia, Kalani, Maricel, Rowena, Jocelyn, Lourdes
`);

export const maleFirstNames = list(`
James, Robert, John, Michael, David, William, Richard, Joseph, Thomas, Christopher, Charles, Daniel, Matthew, Anthony,
Mark, Donald, Steven, Andrew, Paul, Joshua, Kenneth, Kevin, Brian, George, Timothy, Ronald, Jason, Edward, Jeffrey, Ryan,
Jacob, Gary, Nicholas, Eric, Jonathan, Stephen, Larry, Justin, Scott, Brandon, Benjamin, Samuel, Gregory, Alexander,
Patrick, Frank, Raymond, Jack, Dennis, Jerry, Tyler, Aaron, Henry, Douglas, Adam, Peter, Nathan, Zachary, Walter, Kyle,
Harold, Carl, Jeremy, Gerald, Keith, Roger, Arthur, Terry, Lawrence, Sean, Christian, Ethan, Austin, Joe, Albert, Jesse,
Willie, Billy, Bryan, Bruce, Noah, Jordan, Dylan, Ralph, Roy, Alan, Wayne, Eugene, Juan, Gabriel, Louis, Russell, Randy,
Vincent, Philip, Logan, Bobby, Harry, Johnny, Liam, Elijah, Mason, Lucas, Owen, Caleb, Hunter, Wyatt, Carter,
DeShawn, Darnell, Jamal, Malik, Terrell, Tyrone, Marquis, Andre, Darius, Jalen, Kareem, Rashad, DeAndre, Lamar,
José, Luis, Carlos, Jesús, Miguel, Alejandro, Ramón, Andrés, Diego, Javier, Héctor, Raúl, Santiago, Mateo, Joaquín, Iván,
Minh, Tuấn, Hùng, Quang, Duc, Thanh, Bao, Wei, Jian, Hao, Chen, Jun, Min-jun, Ji-ho, Seung-woo, Hyun,
Rahul, Arjun, Vikram, Sanjay, Rohan, Anil, Aditya, Karthik, Mohammed, Ahmed, Omar, Ali, Hassan, Yusuf, Khalid, Tariq,
Chinedu, Emeka, Oluwaseun, Tunde, Kwame, Kofi, Abdi, Abdirahman, Seán, Ciarán, Pádraig, Declan, Eoin, Niall,
Björn, Lars, Sven, Klaus, Jürgen, Dmytro, Oleksandr, Taras, Piotr, Tomasz, Krzysztof, Giorgos, Nikos, Giovanni,
Marco, Luca, Matteo, François, Jean-Luc, René, Jean-Paul, Kai, Keoni, Makoa, Rodel, Jomar, Ramil
`);

export const lastNames = list(`
Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, Martin, Jackson,
Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams, Baker,
Nelson, Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Edwards, Collins, Stewart, Morris, Murphy,
Cook, Rogers, Morgan, Peterson, Cooper, Reed, Bailey, Bell, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson, Brooks,
Bennett, Gray, James, Hughes, Price, Sanders, Myers, Long, Ross, Foster, Powell, Jenkins, Perry, Russell, Sullivan,
Fisher, Henderson, Coleman, Simmons, Patterson, Jordan, Reynolds, Hamilton, Graham, Wallace, Woods, Cole, West, Owens,
Marshall, Ellis, Stevens, Hayes, Gibson, McDonald, Kennedy, Warren, Dixon, Burns, Gordon, Shaw, Holmes, Rice, Hunt,
Black, Daniels, Palmer, Mills, Grant, Knight, Ferguson, Stone, Hawkins, Dunn, Perkins, Hudson, Spencer, Gardner,
Stephens, Payne, Pierce, Berry, Matthews, Arnold, Wagner, Willis, Ray, Watkins, Olson, Carroll, Duncan, Snyder, Hart,
Cunningham, Bradley, Lane, Andrews, Harper, Fox, Riley, Armstrong, Carpenter, Weaver, Greene, Lawrence, Elliott,
Chavez, Sims, Austin, Peters, Kelley, Franklin, Lawson, Fields, Ryan, Schmidt, Carr, Castillo, Wheeler, Chapman,
Oliver, Montgomery, Richards, Williamson, Johnston, Banks, Meyer, Bishop, McCoy, Howell, Morrison, Hansen, Harrison,
O'Brien, O'Connor, O'Neill, O'Malley, O'Sullivan, O'Donnell, McCarthy, McLaughlin, MacDonald, McKenzie, Fitzgerald,
Gallagher, Byrne, Doyle, Quinn, Brennan, Kavanagh, D'Angelo, D'Souza, DeLuca, DiMaggio, Russo, Romano, Esposito,
Ricci, Bianchi, Colombo, Marino, Greco, Bruno, Gallo, Conti, De Luca, Costa, Giordano, Mancini, Lombardi,
García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Torres, Flores, Rivera, Gómez,
Díaz, Reyes, Morales, Cruz, Ortiz, Gutiérrez, Ramos, Ruiz, Álvarez, Mendoza, Vásquez, Castro, Jiménez, Moreno, Romero,
Herrera, Medina, Aguilar, Vargas, Guzmán, Muñoz, Núñez, Peña, Ibáñez, García-López, Hernández-Ruiz, Sánchez-Vega,
De La Cruz, Del Valle, De León, Santiago, Delgado, Figueroa, Soto, Salazar, Espinoza, Vega, Contreras, Navarro,
Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Nguyen, Tran, Le, Pham,
Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Lin, Guo, He, Luo, Liang, Wong, Chan,
Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin, Patel, Shah, Singh, Kumar, Sharma, Gupta, Reddy,
Rao, Iyer, Nair, Menon, Desai, Mehta, Joshi, Chatterjee, Banerjee, Mukherjee, Krishnan, Venkatesan, Subramanian,
Khan, Hussein, Ali, Ahmed, Haddad, Khoury, Nasser, Saleh, Abdullah, Al-Sayed, El-Amin, Mansour, Farah, Hassan,
Okafor, Okonkwo, Adeyemi, Oyelaran, Nwosu, Eze, Obi, Mensah, Asante, Abdi, Warsame, Mohamud, Osei, Boateng,
Müller, Schneider, Fischer, Weber, Schäfer, Koch, Becker, Hoffmann, Schulz, Krüger, Zimmermann, Braun, Wolf,
Kowalski, Nowak, Wiśniewski, Wójcik, Kowalczyk, Lewandowski, Zieliński, Szymański, Kozłowski, Jankowski,
Kovalenko, Shevchenko, Bondarenko, Tkachenko, Melnyk, Ivanov, Petrov, Smirnov, Papadopoulos, Georgiou, Nikolaidis,
Dubois, Lefèvre, Moreau, Laurent, Girard, Bélanger, Côté, Gagnon, Tremblay, Lévesque, Fournier,
Andersson, Johansson, Larsson, Nilsson, Eriksson, Jørgensen, Sørensen, Van der Berg, Van Dyke, Vanderbilt, De Vries,
Santos, Reyes-Santos, Dela Cruz, Bautista, Villanueva, Aquino, Mendoza-Bautista, Kahananui, Kealoha, Akana,
Smith-Jones, Taylor-Brooks, Washington, Jefferson, Freeman, Battle, Mosley, Gaines, Dorsey, Booker, Pugh, Rivers,
Yazzie, Begay, Tsosie, Nakamura, Tanaka, Suzuki, Watanabe, Yamamoto, Kobayashi, Sato, Ito, Cohen, Levi, Goldberg,
Friedman, Katz, Shapiro, Rosenberg, Kaplan, Weiss, Schwartz, Stein, Abramowitz
`);

/** Suffixes as they appear on IDs; roughly one in 30 men carries one. */
export const suffixes = list('Jr., Sr., II, III, IV');
